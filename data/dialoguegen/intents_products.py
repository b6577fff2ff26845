"""Intents about warranty, product facts, the BC-1000 manual and troubleshooting.

Each topic has its own module; ALL lists their intents in a fixed order (the dialogue builder
draws its random choices in that order).
"""

from .intents_bc1000 import bc1000
from .intents_product_info import prices, product_info
from .intents_trouble_gps_camera_radio import troubleshooting_gps_camera_radio
from .intents_trouble_lights_sound_power import troubleshooting_lights_sound_power
from .intents_warranty import line_warranties, warranty


def troubleshooting():
    return troubleshooting_lights_sound_power() + troubleshooting_gps_camera_radio()


ALL = warranty() + product_info() + bc1000() + troubleshooting()

__all__ = [
    "ALL",
    "bc1000",
    "line_warranties",
    "prices",
    "product_info",
    "troubleshooting",
    "warranty",
]
