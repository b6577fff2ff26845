"""Facts about Kestrel Outdoor Electronics, the fictional company of the sample knowledge base.

Every number a document, an evaluation question or a training dialogue states comes from here,
so the three can't disagree. `make_docs.py`, `make_eval.py` and `make_dialogues.py` import it.
The values live in the `facts` package, one module per topic; this module gathers them so that
`from company_facts import X` works for every name.
"""

from facts.catalogue import BY_MODEL, LINES, PRODUCTS, Line, Product
from facts.company import (
    ADDRESS,
    COMPANY,
    CONTACT,
    EDITION,
    EFFECTIVE_DATE,
    ESCALATION,
    RETURNS_ADDRESS,
    SHORT,
    WEBSITE,
)
from facts.formatting import money, months_text
from facts.policies import ACCOUNT, LOYALTY, PRIVACY, RETURNS, SHIPPING, WARRANTY
from facts.product_support import BC1000, TROUBLE

__all__ = [
    "ACCOUNT",
    "ADDRESS",
    "BC1000",
    "BY_MODEL",
    "COMPANY",
    "CONTACT",
    "EDITION",
    "EFFECTIVE_DATE",
    "ESCALATION",
    "LINES",
    "LOYALTY",
    "PRIVACY",
    "PRODUCTS",
    "RETURNS",
    "RETURNS_ADDRESS",
    "SHIPPING",
    "SHORT",
    "TROUBLE",
    "WARRANTY",
    "WEBSITE",
    "Line",
    "Product",
    "money",
    "months_text",
]
