"""Intents about warranty, product facts, the BC-1000 manual and troubleshooting."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import BC1000, BY_MODEL, CONTACT, LINES, PRODUCTS, TROUBLE, WARRANTY, money

from .intent import intent

W, M, T = WARRANTY, BC1000, TROUBLE
WH, MAN, CAT, PL = (
    "warranty/warranty-handbook.pdf",
    "manuals/basecamp-bc1000-manual.pdf",
    "products/catalogue.csv",
    "products/product-lines.md",
)


def line_warranties():
    out = []
    for line in LINES.values():
        models = [p for p in PRODUCTS if p.line == line.name]
        example = models[len(models) // 2].name
        m = line.warranty_months
        out.append(
            intent(
                f"war_len_{line.name}",
                "warranty",
                [
                    f"How long is the warranty on your {line.kind}?",
                    f"What's the warranty on the {example}?",
                    f"Is my {example} covered if it breaks after {m - 2} months?",
                    f"How many months of warranty do {line.name} products get?",
                ],
                [
                    f"{line.name} {line.kind} have a warranty of {m} months from the delivery date.",
                    f"The {line.name} line is covered for {m} months from delivery.",
                ],
                [f"{m} months"],
                WH,
                anchor=f"{line.name} | {line.kind}",
                n=1,
            )
        )
    return out


def warranty():
    return line_warranties() + [
        intent(
            "war_claim",
            "warranty",
            [
                "How do I make a warranty claim?",
                "My GPS stopped working, how do I get it repaired under warranty?",
                "What's the process for a warranty repair?",
                "How do I file a claim for a faulty product?",
            ],
            [
                f"Submit a claim at {W['claim_url']}, email {CONTACT['warranty_email']} or call {CONTACT['phone']}. We reply within {W['rma_reply']} with an RMA number and a prepaid shipping label.",
                f"Have your serial number and proof of purchase ready and submit a claim at {W['claim_url']}. Within {W['rma_reply']} you get an RMA number and a prepaid label to send it in.",
            ],
            [W["rma_reply"]],
            WH,
            anchor=W["rma_reply"],
            n=3,
        ),
        intent(
            "war_repair_time",
            "warranty",
            [
                "How long does a warranty repair take?",
                "When will I get my product back from repair?",
            ],
            [
                f"We repair or replace the product within {W['repair_time']} of receiving it and ship it back free of charge."
            ],
            [W["repair_time"]],
            WH,
            anchor=W["repair_time"],
        ),
        intent(
            "war_shipping",
            "warranty",
            ["Do I pay shipping for a warranty repair?", "Who covers postage on warranty claims?"],
            [
                "Kestrel pays shipping both ways for approved warranty claims in the United States and Canada."
            ],
            ["both ways"],
            WH,
            anchor="both ways",
            n=1,
        ),
        intent(
            "war_voids",
            "warranty",
            [
                "What voids the warranty?",
                "If I open my power bank to look inside, is my warranty gone?",
                "Will a third-party repair void my warranty?",
            ],
            [
                "Opening the casing or attempting your own repair, repairs by anyone other than Kestrel or an authorised service center, removing the serial number label, commercial rental use and charging with an incompatible charger void the warranty."
            ],
            ["Opening the casing"],
            WH,
            anchor="Opening the casing",
        ),
        intent(
            "war_not_covered",
            "warranty",
            [
                "I dropped my camera and cracked it. Is that covered?",
                "Does the warranty cover accidental damage?",
                "What isn't covered by the warranty?",
            ],
            [
                "The standard warranty does not cover damage from accidents, drops, crushing, fire or misuse, normal wear and tear, water damage beyond the stated rating, cosmetic damage, or lost and stolen products."
            ],
            ["accidents"],
            WH,
            anchor="Damage from accidents",
        ),
        intent(
            "war_care_plus",
            "warranty",
            [
                "What is Kestrel Care+?",
                "Do you sell extended warranties?",
                "Can I get accidental damage protection?",
            ],
            [
                f"{W['care_plus']} adds {W['care_plus_years']} to the standard warranty and covers accidental damage such as drops and spills. Each accidental damage claim has a {W['care_plus_service_fee']} service fee."
            ],
            [W["care_plus_years"], W["care_plus_service_fee"]],
            WH,
            anchor=W["care_plus_years"],
        ),
        intent(
            "war_care_price",
            "warranty",
            ["How much is Kestrel Care+?", "What does the extended warranty cost?"],
            [
                f"{W['care_plus']} costs $29 for products under $200, $79 for products from $200 to $999.99, and $129 for products of $1,000 and over."
            ],
            ["$29", "$79", "$129"],
            WH,
            anchor="$129",
        ),
        intent(
            "war_care_window",
            "warranty",
            ["Can I still add Care+ after buying?", "Is it too late to buy the extended warranty?"],
            [
                f"You can buy {W['care_plus']} at checkout or within {W['care_plus_buy_within']} of delivery from Order History."
            ],
            [W["care_plus_buy_within"]],
            WH,
            anchor=W["care_plus_buy_within"],
        ),
        intent(
            "war_out_of_warranty",
            "warranty",
            [
                "My warranty ran out. Can you still fix my lantern?",
                "Do you repair products that are out of warranty?",
            ],
            [
                f"Yes. We charge a {W['diagnosis_fee']} diagnosis fee, credited toward the repair if you go ahead, and send a quote before any work."
            ],
            [W["diagnosis_fee"]],
            WH,
            anchor=W["diagnosis_fee"],
        ),
        intent(
            "war_gift",
            "warranty",
            [
                "I got this as a present. Does the warranty still apply?",
                "Is the warranty transferable to a gift recipient?",
            ],
            [
                "Yes. The warranty covers the original purchaser and anyone who receives the product as a gift with a gift receipt."
            ],
            ["gift receipt"],
            WH,
            anchor="gift receipt",
            n=1,
        ),
        intent(
            "war_battery",
            "warranty",
            [
                "Is the battery covered by the warranty?",
                "My power bank holds less charge now, is that a warranty issue?",
            ],
            [
                "Rechargeable batteries are covered for the full warranty period. A battery counts as defective if it holds less than 70% of its rated capacity within that period."
            ],
            ["70%"],
            WH,
            anchor="70%",
        ),
    ]


def prices():
    chosen = [
        "H300",
        "H500",
        "PB-10",
        "PB-20",
        "BC-500",
        "BC-1000",
        "SF-60",
        "SF-200",
        "RS-2",
        "RS-8",
        "TV-4",
        "PC-5K",
        "RR-2",
        "GL-400",
    ]
    out = []
    for model in chosen:
        p = BY_MODEL[model]
        out.append(
            intent(
                f"price_{model}",
                "products",
                [
                    f"How much is the {p.name}?",
                    f"What does the {model} cost?",
                    f"Price of the {p.name}?",
                    f"I'm thinking of buying the {p.name}. What's the price?",
                ],
                [
                    f"The {p.name} costs {money(p.price)}.",
                    f"It's {money(p.price)} for the {p.name}.",
                ],
                [money(p.price)],
                CAT,
                anchor=f"sku: {p.sku};",
                n=1,
            )
        )
    return out


def product_info():
    return prices() + [
        intent(
            "prod_power_station",
            "products",
            [
                "Which power station should I get?",
                "What's the difference between the BaseCamp models?",
                "I need power for a CPAP on weekend trips. Which BaseCamp?",
                "Which BaseCamp is best for an RV?",
            ],
            [
                "The BC-500 (512 Wh, 500 W) suits weekend camping and CPAP machines, the BC-1000 (1,024 Wh, 1,000 W) runs a fridge, lights and laptops for a long weekend, and the BC-2000 Pro (2,048 Wh, 2,200 W) is our premium unit for RVs and home backup."
            ],
            ["BC-500", "BC-2000 Pro"],
            PL,
            anchor="suits weekend camping",
        ),
        intent(
            "prod_headlamps",
            "products",
            [
                "What's the difference between the H300 and the H500 Pro?",
                "How bright is the H300?",
                "Which headlamp is waterproof?",
            ],
            [
                "The TrailBeam H300 gives 400 lumens and is rated IPX6; the H500 Pro gives 800 lumens, is rated IPX7 and adds a rear red safety light."
            ],
            ["400 lumens", "800 lumens"],
            PL,
            anchor="gives 400 lumens",
        ),
        intent(
            "prod_speakers",
            "products",
            ["Are RidgeSound speakers waterproof?", "Can I pair two RidgeSound speakers together?"],
            [
                "The RS-5 and RS-8 Max are IP67 rated and float, and any two RidgeSound speakers can be paired in stereo with PartyLink."
            ],
            ["IP67", "PartyLink"],
            PL,
            anchor="float; two RidgeSound",
        ),
        intent(
            "prod_gps",
            "products",
            [
                "What does the TrailView TV-7 Pro add over the TV-4?",
                "Do TrailView units come with maps?",
            ],
            [
                "Both TrailView units come with preloaded US and Canada topographic maps; the TV-7 Pro adds multi-band GPS and a 35-hour battery."
            ],
            ["multi-band GPS", "35-hour"],
            PL,
            anchor="35-hour battery",
        ),
        intent(
            "prod_cameras",
            "products",
            [
                "How deep can the PeakCam go underwater?",
                "What resolution does the PC-5K Pro record?",
            ],
            [
                "The PC-4K records 4K at 60 fps and is waterproof to 10 m; the PC-5K Pro records 5.3K at 30 fps and is waterproof to 15 m."
            ],
            ["10 m", "15 m"],
            PL,
            anchor="waterproof to 15 m",
        ),
        intent(
            "prod_radios",
            "products",
            ["Do your radios have weather alerts?", "Are Ridgeline radios sold individually?"],
            [
                "Ridgeline radios are sold in pairs, and the RR-5 adds NOAA weather alerts and rechargeable batteries."
            ],
            ["NOAA"],
            PL,
            anchor="NOAA weather alerts and rechargeable",
        ),
        intent(
            "prod_headband",
            "products",
            [
                "Can I buy a replacement headband for my TrailBeam?",
                "Is the TrailBeam headband in stock?",
            ],
            ["The TrailBeam Replacement Headband is currently out of stock."],
            ["out of stock"],
            PL,
            anchor="out of stock",
            n=1,
        ),
        intent(
            "prod_solar_connectors",
            "products",
            [
                "Will SolarFold panels plug into my BaseCamp?",
                "What connectors do SolarFold panels use?",
            ],
            [
                "SolarFold panels use MC4 connectors and come with an MC4-to-XT60 adaptor for BaseCamp power stations."
            ],
            ["MC4", "XT60"],
            PL,
            anchor="MC4-to-XT60 adaptor for BaseCamp",
        ),
    ]


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


def troubleshooting():
    tb, rs, pb, sf, tv, pc, rr = (
        T[k]
        for k in (
            "TrailBeam",
            "RidgeSound",
            "SummitCharge",
            "SolarFold",
            "TrailView",
            "PeakCam",
            "Ridgeline",
        )
    )
    TB, RS, SF = (
        "troubleshooting/trailbeam-headlamps.md",
        "troubleshooting/ridgesound-speakers.md",
        "troubleshooting/solarfold-panels.md",
    )
    PB, PC, RR = (
        "troubleshooting/summitcharge-power-banks.txt",
        "troubleshooting/peakcam-cameras.txt",
        "troubleshooting/ridgeline-radios.txt",
    )
    TV = "help/trailview-gps-troubleshooting.html"
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
        intent(
            "tv_no_fix",
            "troubleshooting",
            [
                "My TrailView can't get a GPS signal.",
                "The GPS says searching for satellites forever.",
                "How long does it take my TrailView to find my position?",
            ],
            [
                f"Go outside, away from tall buildings and dense trees, and hold the unit still with the screen facing the sky. The first fix can take up to {tv['first_fix']}."
            ],
            [tv["first_fix"]],
            TV,
            anchor=tv["first_fix"],
        ),
        intent(
            "tv_frozen",
            "troubleshooting",
            ["My TrailView screen froze.", "The GPS isn't responding to any buttons."],
            [
                f"Hold the power button for {tv['soft_reset']} to force a restart. Your maps, tracks and waypoints are kept."
            ],
            [tv["soft_reset"]],
            TV,
            anchor=tv["soft_reset"],
        ),
        intent(
            "tv_firmware",
            "troubleshooting",
            ["How do I update my TrailView?", "Where do I get firmware for the GPS?"],
            [
                f"Install the {tv['sync_app']} desktop app, connect the TrailView with a USB-C data cable and select Check for updates. Keep it connected until it restarts."
            ],
            [tv["sync_app"]],
            TV,
            anchor="Check for updates",
        ),
        intent(
            "pc_card",
            "troubleshooting",
            ["Which SD card works in the PeakCam?", "My camera says SD SLOW."],
            [
                f"Use a {pc['card']} card (V30 or faster) of up to {pc['card_max']}, and format it in the camera before first use."
            ],
            [pc["card"], pc["card_max"]],
            PC,
            anchor=pc["card_max"],
        ),
        intent(
            "pc_hot",
            "troubleshooting",
            [
                "My PeakCam gets hot and stops recording.",
                "Why does my action camera shut off during long videos?",
            ],
            [
                f"At the highest resolution it can record for about {pc['hot_limit']} in still air before stopping to protect itself. Lower the resolution or frame rate for long recordings."
            ],
            [pc["hot_limit"]],
            PC,
            anchor=pc["hot_limit"],
        ),
        intent(
            "pc_frozen",
            "troubleshooting",
            ["My PeakCam is frozen.", "The camera doesn't respond to buttons."],
            [
                f"Hold the mode and shutter buttons together for {pc['reset']} to restart it. Your settings and recordings are kept."
            ],
            [pc["reset"]],
            PC,
            anchor="mode and shutter",
        ),
        intent(
            "rr_cant_hear",
            "troubleshooting",
            [
                "My walkie-talkies can't talk to each other.",
                "The two radios don't hear each other.",
            ],
            [
                "Both radios must use the same channel and the same privacy code. Check each screen and set them to match."
            ],
            ["channel", "privacy code"],
            RR,
            anchor="same privacy code",
        ),
        intent(
            "rr_range",
            "troubleshooting",
            [
                "What range do the Ridgeline radios have?",
                "My radios only reach a mile, is that normal?",
            ],
            [
                f"The RR-2 reaches up to {rr['rr2_range']} and the RR-5 up to {rr['rr5_range']}, but only with a clear line of sight; in forests or towns expect 1 to 2 miles."
            ],
            [rr["rr2_range"], rr["rr5_range"]],
            RR,
            anchor=rr["rr5_range"],
        ),
        intent(
            "rr_charge",
            "troubleshooting",
            ["How long does the RR-5 take to charge?", "What batteries do the radios use?"],
            [
                f"The RR-2 uses three AA batteries per radio. The RR-5 has a rechargeable battery that charges in {rr['rr5_charge']} in the desk charger."
            ],
            [rr["rr5_charge"]],
            RR,
            anchor=rr["rr5_charge"],
            n=1,
        ),
    ]


ALL = warranty() + product_info() + bc1000() + troubleshooting()
