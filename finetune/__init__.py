"""LoRA / QLoRA fine-tuning of the chat model on customer-service dialogues."""
