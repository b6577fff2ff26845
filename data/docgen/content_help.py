"""Help-center articles (HTML) about shipping, orders, sign-in, contact and gift cards.

The articles live in content_help_*.py by topic; ALL lists them in corpus order.
"""

from .content_help_account import gift_cards, managing_account, password_and_sign_in
from .content_help_contact_gps import contact_us, trailview_troubleshooting
from .content_help_shipping import international_shipping, order_tracking, shipping_options

ALL = [
    shipping_options,
    international_shipping,
    order_tracking,
    password_and_sign_in,
    contact_us,
    gift_cards,
    trailview_troubleshooting,
    managing_account,
]
