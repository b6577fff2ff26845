"""All evaluation questions, in a fixed order.

First the single-file questions, one module per category (questions_*.py; facts are literal
strings of the source file), then the multi-file, follow-up and unanswerable ones (more.py).
"""

from .more import follow_ups, multi_file, unanswerables
from .questions_account import account
from .questions_contact import contact
from .questions_products import products
from .questions_returns import returns
from .questions_shipping import shipping
from .questions_troubleshooting import troubleshooting
from .questions_warranty import warranty


def all_questions():
    return (
        shipping()
        + returns()
        + warranty()
        + products()
        + account()
        + troubleshooting()
        + contact()
        + multi_file()
        + follow_ups()
        + unanswerables()
    )
