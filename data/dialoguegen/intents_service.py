"""Intents about orders, shipping, returns, accounts, billing, rewards, gift cards and contact.

Each topic has its own module; ALL lists their intents in a fixed order (the dialogue builder
draws its random choices in that order).
"""

from .intents_account_billing import account
from .intents_contact import contact
from .intents_orders import orders
from .intents_returns import returns
from .intents_rewards_gifts import rewards_and_gifts
from .intents_shipping import shipping

ALL = shipping() + orders() + returns() + account() + rewards_and_gifts() + contact()

__all__ = ["ALL", "account", "contact", "orders", "returns", "rewards_and_gifts", "shipping"]
