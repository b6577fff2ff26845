#!/bin/sh
# Container entrypoint: settle the LoRA adapter path, then run the command (the page, the API,
# ingest...).
#
# RAGCHAT_LLM__ADAPTER points at the /data volume so an adapter trained in the container
# survives it; a fresh volume is empty, and comparison mode would lose its fine-tuned column.
# Then the adapter shipped in the image is used instead, and the log says so.
set -eu
shipped="${RAGCHAT_SHIPPED_ADAPTER:-/app/data/adapters/customer-service}"
adapter="${RAGCHAT_LLM__ADAPTER:-}"
if [ -n "$adapter" ] && [ ! -f "$adapter/adapter_config.json" ]; then
    echo "ragchat: no adapter at $adapter (empty volume); using the shipped $shipped" >&2
    export RAGCHAT_LLM__ADAPTER="$shipped"
fi
exec "$@"
