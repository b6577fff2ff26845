"""The FAQ and the troubleshooting guides (Markdown and plain text), in corpus order.

The FAQ lives in content_faq.py, the guides in content_troubleshoot_*.py.
"""

from .content_faq import faq
from .content_troubleshoot_lights_sound_solar import ridgesound, solarfold, trailbeam
from .content_troubleshoot_power_camera_radio import peakcam, ridgeline, summitcharge

ALL = [faq, trailbeam, ridgesound, solarfold, summitcharge, peakcam, ridgeline]
