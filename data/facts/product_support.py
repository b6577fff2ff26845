"""What the troubleshooting guides and the BaseCamp BC-1000 user manual state."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
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
