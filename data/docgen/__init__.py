"""Builders for the sample knowledge base in data/docs (see data/make_docs.py)."""

from . import (
    content_help,
    content_policies,
    content_products,
    content_returns_warranty,
    content_support,
)


def build_corpus():
    """Every sample document, in a fixed order, as format-neutral Doc objects."""
    builders = [
        content_products.catalogue,
        content_products.product_lines,
        content_products.bc1000_manual,
        content_returns_warranty.return_policy,
        content_returns_warranty.warranty_handbook,
        content_policies.privacy_policy,
        content_policies.terms_of_sale,
        content_policies.billing,
        content_policies.loyalty,
        content_policies.escalation,
        *content_help.ALL,
        *content_support.ALL,
    ]
    return [build() for build in builders]
