"""Store policies: shipping, returns, warranty and Care+, accounts and billing, rewards, privacy."""

SHIPPING = {
    "processing": "1 business day",
    "cutoff": "1 pm Eastern Time",
    "free_threshold": 75,  # USD, contiguous US, standard shipping
    "standard": {"name": "Standard", "days": "3 to 5 business days", "price": 5.99},
    "expedited": {"name": "Expedited", "days": "2 business days", "price": 12.99},
    "overnight": {"name": "Overnight", "days": "next business day", "price": 24.99},
    "ak_hi": {"days": "6 to 10 business days", "price": 14.99},
    "canada": {"days": "5 to 10 business days", "price": 19.99, "free_threshold": 200},
    "apo": {"days": "10 to 20 business days"},
    "carriers": "UPS and USPS",
    "tracking_email": "24 hours",
    "ground_only": ["BC-1000", "BC-2000"],  # lithium batteries over 100 Wh: ground only
    "lost_report": "14 days",  # after the expected delivery date
    "damaged_report": "7 days",  # after delivery, with photos
    "cancel_window": "1 hour",
}

RETURNS = {  # the only document that states these is returns/return-policy.md
    "window": "30 days",
    "restocking_fee": "15%",
    "restocking_lines": ["BaseCamp", "SolarFold"],
    "label_fee": "$6.95",
    "refund_processing": "5 business days",
    "bank_posting": "3 to 10 business days",
    "holiday_start": "November 15",
    "holiday_end": "December 24",
    "holiday_deadline": "January 31",
    "ship_within": "14 days",
}

WARRANTY = {
    "care_plus": "Kestrel Care+",
    "care_plus_years": "2 extra years",
    "care_plus_prices": [
        ("under $200", "$29"),
        ("$200 to $999.99", "$79"),
        ("$1,000 and over", "$129"),
    ],
    "care_plus_buy_within": "60 days",
    "care_plus_service_fee": "$49",
    "rma_reply": "2 business days",
    "repair_time": "10 business days",
    "rma_prefix": "RMA-",
    "diagnosis_fee": "$35",
    "bc_battery_replacement": "$199",
    "claim_url": "kestrel-outdoor.example/warranty",
}

ACCOUNT = {
    "reset_link_valid": "60 minutes",
    "lockout_attempts": 5,
    "lockout_minutes": "15 minutes",
    "deletion_days": "21 days",
    "payment_methods": [
        "Visa",
        "Mastercard",
        "American Express",
        "Discover",
        "PayPal",
        "Apple Pay",
        "Google Pay",
        "Kestrel gift cards",
    ],
    "affirm_minimum": "$150",
    "affirm_terms": "3, 6 or 12 months",
    "price_adjust_days": "14 days",
    "gift_card_range": ("$25", "$500"),
    "order_history_years": "7 years",
    "payment_hold": "3 days",  # order waits this long for a new card, then is cancelled
    "order_limit": 5,  # units per model per order
    "min_age": 18,  # to place an order
    "password_min": "10 characters",
}

LOYALTY = {
    "name": "Kestrel Trail Rewards",
    "earn": "1 point per $1",
    "redeem": "100 points = $5",
    "join_bonus": "100 points",
    "birthday_bonus": "200 points",
    "referral_credit": "$15",
    "expiry": "18 months",
    "tiers": [
        ("Trailhead", "0 to 499 points", "1 point per $1", "birthday bonus"),
        ("Ridge", "500 to 1,499 points", "1.25 points per $1", "free expedited shipping"),
        (
            "Summit",
            "1,500 points or more",
            "1.5 points per $1",
            "free expedited shipping and early access to new products",
        ),
    ],
}

PRIVACY = {
    "chat_retention": "12 months",
    "order_retention": "7 years",
    "request_reply": "21 days",
    "min_age": 13,
}
