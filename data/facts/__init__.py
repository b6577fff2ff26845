"""The facts behind company_facts.py, one module per topic (import them through company_facts)."""
