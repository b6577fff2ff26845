"""Facts about Kestrel Outdoor Electronics, the fictional company of the sample knowledge base.

Every number a document, an evaluation question or a training dialogue states comes from here,
so the three can't disagree. `make_docs.py`, `make_eval.py` and `make_dialogues.py` import it.
"""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Line:
    name: str
    category: str
    warranty_months: int
    kind: str  # plain-English product type


LINES = {
    "TrailBeam": Line("TrailBeam", "Lighting", 12, "headlamps"),
    "GlowLantern": Line("GlowLantern", "Lighting", 12, "camp lanterns"),
    "SummitCharge": Line("SummitCharge", "Portable Power", 24, "power banks"),
    "BaseCamp": Line("BaseCamp", "Portable Power", 36, "portable power stations"),
    "SolarFold": Line("SolarFold", "Solar", 24, "folding solar panels"),
    "RidgeSound": Line("RidgeSound", "Audio", 12, "Bluetooth speakers"),
    "TrailView": Line("TrailView", "Navigation", 24, "handheld GPS units"),
    "PeakCam": Line("PeakCam", "Cameras", 12, "action cameras"),
    "Ridgeline": Line("Ridgeline", "Communication", 12, "two-way radios"),
    "Accessories": Line("Accessories", "Accessories", 6, "cables, mounts and bags"),
}


@dataclass(frozen=True)
class Product:
    sku: str
    model: str
    name: str
    line: str
    price: float
    weight_kg: float
    battery: str
    water_rating: str
    key_spec: str
    in_stock: bool = True

    @property
    def warranty_months(self) -> int:
        return LINES[self.line].warranty_months

    @property
    def category(self) -> str:
        return LINES[self.line].category


PRODUCTS = [
    Product(
        "KB-H150",
        "H150",
        "TrailBeam H150",
        "TrailBeam",
        29.99,
        0.07,
        "1,000 mAh",
        "IPX4",
        "150 lumens",
    ),
    Product(
        "KB-H300",
        "H300",
        "TrailBeam H300",
        "TrailBeam",
        49.99,
        0.09,
        "2,000 mAh",
        "IPX6",
        "400 lumens",
    ),
    Product(
        "KB-H500",
        "H500",
        "TrailBeam H500 Pro",
        "TrailBeam",
        79.99,
        0.12,
        "3,200 mAh",
        "IPX7",
        "800 lumens",
    ),
    Product(
        "KL-GL200",
        "GL-200",
        "GlowLantern GL-200",
        "GlowLantern",
        34.99,
        0.30,
        "2,600 mAh",
        "IPX4",
        "200 lumens",
    ),
    Product(
        "KL-GL400",
        "GL-400",
        "GlowLantern GL-400",
        "GlowLantern",
        54.99,
        0.45,
        "5,200 mAh",
        "IPX4",
        "400 lumens, USB-A power-out",
    ),
    Product(
        "KP-PB10",
        "PB-10",
        "SummitCharge PB-10",
        "SummitCharge",
        39.99,
        0.21,
        "10,000 mAh",
        "none",
        "20 W USB-C",
    ),
    Product(
        "KP-PB20",
        "PB-20",
        "SummitCharge PB-20",
        "SummitCharge",
        59.99,
        0.36,
        "20,000 mAh",
        "none",
        "45 W USB-C",
    ),
    Product(
        "KP-PB26",
        "PB-26",
        "SummitCharge PB-26 Solar",
        "SummitCharge",
        74.99,
        0.52,
        "26,800 mAh",
        "IPX4",
        "30 W USB-C, 5 W built-in solar",
    ),
    Product(
        "KP-BC500",
        "BC-500",
        "BaseCamp BC-500",
        "BaseCamp",
        449.00,
        6.1,
        "512 Wh LiFePO4",
        "none",
        "500 W AC output",
    ),
    Product(
        "KP-BC1000",
        "BC-1000",
        "BaseCamp BC-1000",
        "BaseCamp",
        899.00,
        11.4,
        "1,024 Wh LiFePO4",
        "none",
        "1,000 W AC output",
    ),
    Product(
        "KP-BC2000",
        "BC-2000",
        "BaseCamp BC-2000 Pro",
        "BaseCamp",
        1599.00,
        21.8,
        "2,048 Wh LiFePO4",
        "none",
        "2,200 W AC output",
    ),
    Product(
        "KS-SF60", "SF-60", "SolarFold SF-60", "SolarFold", 179.00, 2.4, "none", "IP65", "60 W"
    ),
    Product(
        "KS-SF120", "SF-120", "SolarFold SF-120", "SolarFold", 299.00, 4.9, "none", "IP65", "120 W"
    ),
    Product(
        "KS-SF200", "SF-200", "SolarFold SF-200", "SolarFold", 449.00, 7.6, "none", "IP65", "200 W"
    ),
    Product(
        "KA-RS2",
        "RS-2",
        "RidgeSound RS-2 Mini",
        "RidgeSound",
        49.99,
        0.25,
        "10 hours",
        "IPX5",
        "5 W speaker",
    ),
    Product(
        "KA-RS5",
        "RS-5",
        "RidgeSound RS-5",
        "RidgeSound",
        99.99,
        0.62,
        "20 hours",
        "IP67",
        "16 W speaker",
    ),
    Product(
        "KA-RS8",
        "RS-8",
        "RidgeSound RS-8 Max",
        "RidgeSound",
        179.99,
        1.45,
        "24 hours",
        "IP67",
        "40 W speaker",
    ),
    Product(
        "KN-TV4",
        "TV-4",
        "TrailView TV-4",
        "TrailView",
        199.00,
        0.19,
        "20 hours",
        "IPX7",
        "2.6-inch screen",
    ),
    Product(
        "KN-TV7",
        "TV-7",
        "TrailView TV-7 Pro",
        "TrailView",
        349.00,
        0.24,
        "35 hours",
        "IPX7",
        "3-inch screen, multi-band GPS",
    ),
    Product(
        "KC-PC4K",
        "PC-4K",
        "PeakCam PC-4K",
        "PeakCam",
        249.00,
        0.12,
        "1,720 mAh",
        "10 m waterproof",
        "4K at 60 fps",
    ),
    Product(
        "KC-PC5K",
        "PC-5K",
        "PeakCam PC-5K Pro",
        "PeakCam",
        399.00,
        0.15,
        "1,900 mAh",
        "15 m waterproof",
        "5.3K at 30 fps",
    ),
    Product(
        "KR-RR2",
        "RR-2",
        "Ridgeline RR-2 (pair)",
        "Ridgeline",
        69.99,
        0.40,
        "AA x3 each",
        "IPX4",
        "up to 25 miles range",
    ),
    Product(
        "KR-RR5",
        "RR-5",
        "Ridgeline RR-5 (pair)",
        "Ridgeline",
        119.99,
        0.48,
        "1,500 mAh each",
        "IPX7",
        "up to 36 miles range, NOAA weather alerts",
    ),
    Product(
        "KX-CB1",
        "CB-1",
        "USB-C Cable 1 m",
        "Accessories",
        14.99,
        0.04,
        "none",
        "none",
        "100 W rated",
    ),
    Product(
        "KX-CAR12",
        "CAR-12",
        "12 V Car Charger",
        "Accessories",
        19.99,
        0.06,
        "none",
        "none",
        "2 ports, 36 W",
    ),
    Product(
        "KX-SFEXT",
        "SF-EXT",
        "SolarFold Extension Cable 5 m",
        "Accessories",
        29.99,
        0.35,
        "none",
        "IP65",
        "MC4 connectors",
    ),
    Product(
        "KX-PCMNT",
        "PC-MNT",
        "PeakCam Mount Kit",
        "Accessories",
        29.99,
        0.18,
        "none",
        "none",
        "helmet, chest and bar mounts",
    ),
    Product(
        "KX-BCBAG",
        "BC-BAG",
        "BaseCamp Carry Bag",
        "Accessories",
        39.99,
        0.80,
        "none",
        "water-resistant",
        "fits BC-500 and BC-1000",
    ),
    Product(
        "KX-HBAND",
        "H-BAND",
        "TrailBeam Replacement Headband",
        "Accessories",
        9.99,
        0.02,
        "none",
        "none",
        "fits all TrailBeam models",
        False,
    ),
]
BY_MODEL = {p.model: p for p in PRODUCTS}

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

TROUBLE = {  # per product line: the facts the troubleshooting guides state
    "TrailBeam": {
        "unlock": "4 seconds",
        "reset": "10 seconds",
        "h300_charge": "3 hours",
        "h300_runtime_high": "6 hours",
        "h300_runtime_low": "40 hours",
        "low_battery": "10%",
    },
    "SummitCharge": {
        "reset": "15 seconds",
        "cool": "20 minutes",
        "pb20_recharge": "4 hours",
        "pb20_charger": "45 W",
        "idle_off": "30 seconds",
    },
    "SolarFold": {
        "angle": "30 to 45 degrees",
        "cloudy": "10 to 25%",
        "hot_loss": "10%",
        "sf120_voc": "23.6 V",
    },
    "RidgeSound": {
        "pair_hold": "3 seconds",
        "reset": "8 seconds",
        "range": "30 m",
        "paired_devices": "8",
    },
    "TrailView": {
        "first_fix": "3 minutes",
        "travel_fix": "10 minutes",
        "soft_reset": "20 seconds",
        "sync_app": "Kestrel Sync",
    },
    "PeakCam": {
        "card": "U3 microSD",
        "card_max": "256 GB",
        "reset": "10 seconds",
        "hot_limit": "25 minutes",
    },
    "Ridgeline": {
        "rr2_range": "25 miles",
        "rr5_range": "36 miles",
        "codes": "121",
        "rr5_charge": "5 hours",
    },
}

BC1000 = {  # BaseCamp BC-1000 user manual
    "capacity": "1,024 Wh",
    "cycles": "3,000 cycles",
    "ac_continuous": "1,000 W",
    "ac_surge": "2,000 W",
    "ac_outlets": "4",
    "usb_c": "2 USB-C ports (100 W each)",
    "usb_a": "2 USB-A ports (18 W each)",
    "car_port": "120 W",
    "ac_charge_80": "1.5 hours",
    "ac_charge_full": "2 hours",
    "solar_max": "400 W",
    "solar_voltage": "12 to 60 V",
    "car_charge": "about 11 hours",
    "ups_switch": "20 ms",
    "eco_off": "2 hours",
    "storage_charge": "50% to 80%",
    "storage_recharge": "every 3 months",
    "op_temp": "-10 to 40 °C",
    "charge_temp": "0 to 40 °C",
    "dimensions": "33 x 23 x 26 cm",
    "errors": {
        "E01": (
            "Output overload",
            "The devices draw more than 1,000 W. Unplug devices until the total is below 1,000 W, then press the AC button.",
        ),
        "E02": (
            "Over-temperature",
            "The unit is too hot. Switch it off, move it to a shaded, ventilated place and let it cool for 30 minutes.",
        ),
        "E03": (
            "Battery low",
            "Charge level is below 5%. Connect the AC charger or a solar panel.",
        ),
        "E04": (
            "Solar input overvoltage",
            "The panel voltage is above 60 V. Reconnect fewer panels in series.",
        ),
        "E05": (
            "Battery management fault",
            "Switch off and contact Kestrel support; do not keep using the unit.",
        ),
    },
}


def money(amount: float) -> str:
    """$49.99 for cents, $899 / $1,599 for whole dollars, the way every document writes prices."""
    if abs(amount - round(amount)) < 1e-9:
        return f"${int(round(amount)):,}"
    return f"${amount:,.2f}"


def months_text(months: int) -> str:
    """12 -> '12 months (1 year)' style used by the warranty documents."""
    years = {6: "", 12: " (1 year)", 24: " (2 years)", 36: " (3 years)"}[months]
    return f"{months} months{years}"
