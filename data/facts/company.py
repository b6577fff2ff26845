"""The fictional company itself: names, addresses, contact channels and escalation times."""

COMPANY = "Kestrel Outdoor Electronics"
SHORT = "Kestrel"
WEBSITE = "kestrel-outdoor.example"
EDITION = "Edition 2024.1"
EFFECTIVE_DATE = "March 1, 2024"
ADDRESS = "410 Larch Street, Boise, ID 83702, USA"
RETURNS_ADDRESS = "Kestrel Returns Center, 2200 Freight Way, Reno, NV 89502, USA"

CONTACT = {
    "phone": "1-800-555-0142",
    "phone_hours_weekday": "Monday to Friday, 8 am to 8 pm Eastern Time",
    "phone_hours_saturday": "Saturday, 9 am to 5 pm Eastern Time",
    "phone_closed": "Sunday and US public holidays",
    "chat_hours": "every day, 7 am to 11 pm Eastern Time",
    "email": "help@kestrel-outdoor.example",
    "email_reply": "1 business day",
    "warranty_email": "warranty@kestrel-outdoor.example",
    "privacy_email": "privacy@kestrel-outdoor.example",
    "care_manager_email": "care.manager@kestrel-outdoor.example",
    "case_prefix": "KC-",
}

ESCALATION = {
    "tier2_reply": "2 business days",  # specialist team answers an escalated case
    "manager_reply": "5 business days",  # formal complaint to the customer-care manager
    "callback_window": "4 hours",  # requested call-back during phone hours
}
