"""Intents about the BaseCamp BC-1000 power station, answered from its user manual."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import BC1000, WARRANTY

from .intent import intent

W, M = WARRANTY, BC1000
MAN = "manuals/basecamp-bc1000-manual.pdf"


def bc1000():
    out = [
        intent(
            "bc_capacity",
            "products",
            [
                "How big is the battery in the BC-1000?",
                "What's the capacity of the BaseCamp BC-1000?",
                "How many charge cycles does the BC-1000 battery last?",
            ],
            [
                f"The BC-1000 has a {M['capacity']} LiFePO4 battery rated for {M['cycles']} to 80% capacity."
            ],
            [M["capacity"], M["cycles"]],
            MAN,
            anchor=M["cycles"],
        ),
        intent(
            "bc_output",
            "products",
            [
                "Can the BC-1000 run a 1,500 W kettle?",
                "How much power can the BC-1000 put out?",
                "Will my BC-1000 start a fridge compressor?",
            ],
            [
                f"The BC-1000 powers devices drawing up to {M['ac_continuous']} in total, with up to {M['ac_surge']} briefly when motors and compressors start."
            ],
            [M["ac_continuous"], M["ac_surge"]],
            MAN,
            anchor="can power devices that draw",
        ),
        intent(
            "bc_charge_ac",
            "products",
            [
                "How long does the BC-1000 take to charge from the wall?",
                "How fast does the BaseCamp recharge on mains power?",
            ],
            [
                f"From a wall outlet the BC-1000 charges from 0 to 80% in {M['ac_charge_80']} and fully in {M['ac_charge_full']}."
            ],
            [M["ac_charge_80"], M["ac_charge_full"]],
            MAN,
            anchor="Wall charging",
        ),
        intent(
            "bc_solar",
            "products",
            [
                "Can I charge the BC-1000 with solar panels?",
                "What solar input does the BC-1000 accept?",
                "How long does the BC-1000 take to charge with solar?",
            ],
            [
                f"Yes. The solar input accepts {M['solar_voltage']} and up to {M['solar_max']}; two SolarFold SF-200 panels in parallel charge it in about 3.5 hours of full sun."
            ],
            [M["solar_max"]],
            MAN,
            anchor="Solar charging: connect",
        ),
        intent(
            "bc_car",
            "products",
            [
                "Can I charge my power station in the car?",
                "How long does car charging take for the BC-1000?",
            ],
            [
                f"Yes, with the 12 V car charging cable while the engine is running. A full charge takes {M['car_charge']}."
            ],
            ["11 hours"],
            MAN,
            anchor="Car charging: use",
            n=1,
        ),
        intent(
            "bc_eco",
            "products",
            [
                "My BC-1000 AC outlets keep switching off by themselves.",
                "Why does the AC output turn off overnight?",
            ],
            [
                f"That's Eco mode: it switches the AC outlets off after {M['eco_off']} when the load stays under 10 W. You can turn Eco mode off in the Kestrel Connect app."
            ],
            [M["eco_off"], "Eco mode"],
            MAN,
            anchor="Eco mode switches",
        ),
        intent(
            "bc_ups",
            "products",
            ["Can the BC-1000 work as a UPS for my computer?", "Does the BaseCamp have UPS mode?"],
            [
                f"Yes. When it's plugged into the wall, connected devices switch to battery within {M['ups_switch']} if the mains fails. It isn't a medical-grade backup."
            ],
            [M["ups_switch"]],
            MAN,
            anchor="UPS mode",
            n=1,
        ),
        intent(
            "bc_off",
            "troubleshooting",
            ["My BC-1000 won't turn on.", "How do I reset my BaseCamp power station?"],
            [
                "Connect the AC charger for 10 minutes and try again. To reset it, hold the main power button and the USB button together for 10 seconds."
            ],
            ["10 seconds"],
            MAN,
            anchor="does not switch on at all",
        ),
        intent(
            "bc_storage",
            "products",
            [
                "How should I store my power station over winter?",
                "What charge level is best for storing the BC-1000?",
            ],
            [
                f"Keep the battery at {M['storage_charge']} charge and recharge it {M['storage_recharge']}, in a dry place between 0 and 30 °C."
            ],
            [M["storage_charge"], M["storage_recharge"]],
            MAN,
            anchor="For storage",
        ),
        intent(
            "bc_flight",
            "products",
            ["Can I take my BC-1000 on a plane?", "Is the BaseCamp allowed in carry-on luggage?"],
            [
                "No. The BC-1000 battery is larger than 100 Wh, so airlines do not allow it in checked or carry-on luggage."
            ],
            ["100 Wh"],
            MAN,
            anchor="airlines do not allow",
            n=1,
        ),
        intent(
            "bc_battery_module",
            "products",
            ["How much is a replacement battery for the BC-1000?"],
            [
                f"A replacement battery module for the BC-1000 costs {W['bc_battery_replacement']} plus shipping."
            ],
            [W["bc_battery_replacement"]],
            MAN,
            anchor=W["bc_battery_replacement"],
            n=1,
        ),
    ]
    for code, (name, action) in M["errors"].items():
        out.append(
            intent(
                f"bc_{code}",
                "troubleshooting",
                [
                    f"My BC-1000 shows {code}. What does that mean?",
                    f"What is error {code} on the BaseCamp?",
                    f"{code} on the power station display, what do I do?",
                ],
                [f"{code} means {name.lower()}. {action}"],
                [code],
                MAN,
                anchor=f"{code} | ",
                n=1,
            )
        )
    return out
