"""Troubleshooting intents for TrailBeam headlamps, RidgeSound speakers, SummitCharge power banks
and SolarFold panels."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import TROUBLE

from .intent import intent

T = TROUBLE


def troubleshooting_lights_sound_power():
    tb, rs, pb, sf = (T[k] for k in ("TrailBeam", "RidgeSound", "SummitCharge", "SolarFold"))
    TB, RS, SF = (
        "troubleshooting/trailbeam-headlamps.md",
        "troubleshooting/ridgesound-speakers.md",
        "troubleshooting/solarfold-panels.md",
    )
    PB = "troubleshooting/summitcharge-power-banks.txt"
    return [
        intent(
            "tb_unlock",
            "troubleshooting",
            [
                "My headlamp won't turn on.",
                "The TrailBeam just blinks twice when I press the button.",
                "Why doesn't my H300 switch on?",
                "My head torch is dead, I think.",
            ],
            [
                f"It's probably in lock mode. Hold the power button for {tb['unlock']} to unlock it. If that doesn't help, charge it for at least 15 minutes.",
                f"If it blinks twice, it's locked: hold the power button for {tb['unlock']}. Still nothing? Charge it with a USB-C cable for 15 minutes and try again.",
            ],
            [tb["unlock"]],
            TB,
            anchor="lock mode",
            n=3,
        ),
        intent(
            "tb_reset",
            "troubleshooting",
            ["How do I reset my TrailBeam?", "My headlamp is acting weird, can I reset it?"],
            [
                f"Hold the power and mode buttons together for {tb['reset']} until the lamp flashes once."
            ],
            [tb["reset"]],
            TB,
            anchor="Reset it",
        ),
        intent(
            "tb_charge",
            "troubleshooting",
            ["How long does the H300 take to charge?", "My headlamp isn't charging."],
            [
                f"The H300 charges fully in {tb['h300_charge']} from a 5 V USB charger. If it won't charge, try another cable and make sure the USB-C port is dry and free of sand."
            ],
            [tb["h300_charge"]],
            TB,
            anchor=tb["h300_charge"],
        ),
        intent(
            "tb_runtime",
            "troubleshooting",
            ["How long does the H300 battery last?", "The light on my headlamp is blinking red."],
            [
                f"The H300 runs {tb['h300_runtime_high']} on high and {tb['h300_runtime_low']} on low. A blinking red indicator means the battery is below {tb['low_battery']}."
            ],
            [tb["h300_runtime_high"], tb["h300_runtime_low"]],
            TB,
            anchor=tb["h300_runtime_low"],
        ),
        intent(
            "rs_pair",
            "troubleshooting",
            [
                "How do I connect my RidgeSound to my phone?",
                "My phone can't find the speaker.",
                "How do I put the RS-5 in pairing mode?",
            ],
            [
                f"Switch the speaker on and hold the Bluetooth button for {rs['pair_hold']} until the light flashes blue, then select it in your phone's Bluetooth settings.",
                f"Hold the Bluetooth button for {rs['pair_hold']} until the light flashes blue. Then pick the RidgeSound speaker on your phone; the light turns solid blue when connected.",
            ],
            [rs["pair_hold"]],
            RS,
            anchor="flashes blue",
            n=3,
        ),
        intent(
            "rs_reset",
            "troubleshooting",
            ["How do I factory reset the RidgeSound?", "Can I reset my speaker?"],
            [
                f"Hold the power and volume down buttons together for {rs['reset']}. The speaker switches off and its paired devices list is cleared."
            ],
            [rs["reset"]],
            RS,
            anchor=rs["reset"],
        ),
        intent(
            "rs_dropouts",
            "troubleshooting",
            [
                "My speaker keeps cutting out.",
                "No sound from my RidgeSound even though it's connected.",
            ],
            [
                "Turn the volume up on both phone and speaker, forget the speaker in your Bluetooth settings and pair it again, move the phone closer and away from Wi-Fi routers, and charge the speaker, since below 10% it may cut out at high volume."
            ],
            ["pair it again"],
            RS,
            anchor="Forget the speaker",
        ),
        intent(
            "pb_not_charging",
            "troubleshooting",
            [
                "My power bank won't charge my earbuds.",
                "The SummitCharge isn't charging my phone.",
                "My power bank switches off after a few seconds.",
            ],
            [
                f"Press the button once to wake it and try another cable. Small devices like earbuds draw so little power that the bank switches off after {pb['idle_off']}; double-press the button for low-current mode."
            ],
            [pb["idle_off"]],
            PB,
            anchor="low-current",
        ),
        intent(
            "pb_leds",
            "troubleshooting",
            [
                "All the lights on my power bank are flashing.",
                "Why are the four LEDs blinking on my SummitCharge?",
            ],
            [
                f"It's too hot or too cold. Disconnect everything and let it rest for {pb['cool']} at room temperature."
            ],
            [pb["cool"]],
            PB,
            anchor=pb["cool"],
        ),
        intent(
            "pb_reset",
            "troubleshooting",
            ["How do I reset a SummitCharge?", "My power bank is stuck, can I restart it?"],
            [
                f"Hold the power button for {pb['reset']}. The LEDs run from left to right and the power bank restarts."
            ],
            [pb["reset"]],
            PB,
            anchor=pb["reset"],
        ),
        intent(
            "pb_recharge",
            "troubleshooting",
            [
                "How long does the PB-20 take to fully recharge?",
                "What charger should I use for my power bank?",
            ],
            [
                f"Use a USB-C charger: the PB-20 recharges in {pb['pb20_recharge']} with a {pb['pb20_charger']} charger, while a 10 W phone charger takes much longer."
            ],
            [pb["pb20_recharge"]],
            PB,
            anchor=pb["pb20_recharge"],
        ),
        intent(
            "pb_flight",
            "troubleshooting",
            ["Can I bring my SummitCharge on a plane?"],
            [
                "Yes. SummitCharge power banks are below 100 Wh and can be carried in hand luggage on flights."
            ],
            ["hand luggage"],
            PB,
            anchor="hand luggage",
            n=1,
        ),
        intent(
            "sf_low",
            "troubleshooting",
            [
                "My solar panel only gives half its rated power.",
                "Why is my SolarFold output so low?",
                "How should I position my solar panel?",
            ],
            [
                f"Tilt the panel {sf['angle']} toward the sun with the kickstand and move it every couple of hours; even a small shadow can halve the output. In full sun, 70 to 85% of the rating is normal."
            ],
            [sf["angle"]],
            SF,
            anchor=sf["angle"],
        ),
        intent(
            "sf_cloudy",
            "troubleshooting",
            ["Do solar panels work when it's cloudy?", "How much power do I get under clouds?"],
            [f"Yes, but under cloud the output drops to {sf['cloudy']} of the rating."],
            [sf["cloudy"]],
            SF,
            anchor=sf["cloudy"],
        ),
        intent(
            "sf_no_input",
            "troubleshooting",
            [
                "My power station shows no solar input.",
                "I connected the panel but nothing happens.",
            ],
            [
                "Check that the MC4 connectors click fully together, use the MC4-to-XT60 adaptor for BaseCamp units, and make sure the power station is switched on."
            ],
            ["MC4"],
            SF,
            anchor="click fully",
        ),
    ]
