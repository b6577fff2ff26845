"""Intents about contact channels and hours, reaching a person, escalation and complaints."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import CONTACT, ESCALATION

from .intent import intent

C, E = CONTACT, ESCALATION
ESC, CON = "support/escalation.md", "help/contact-us.html"


def contact():
    return [
        intent(
            "contact_phone",
            "contact and escalation",
            [
                "What's your phone number?",
                "How can I call you?",
                "When is your phone line open?",
                "What are your customer service hours?",
            ],
            [
                f"You can call us on {C['phone']}, {C['phone_hours_weekday']}, and {C['phone_hours_saturday']}.",
                f"Our phone line is {C['phone']}. It's open {C['phone_hours_weekday']}, and {C['phone_hours_saturday']}.",
            ],
            [C["phone"]],
            ESC,
            anchor=C["phone"],
            n=3,
        ),
        intent(
            "contact_human",
            "contact and escalation",
            [
                "I want to talk to a real person.",
                "Can I speak to a human agent?",
                "Connect me to a person please.",
                "I'd rather talk to someone on the phone.",
            ],
            [
                f"Of course. You can reach our team by phone on {C['phone']} ({C['phone_hours_weekday']}; {C['phone_hours_saturday']}) or by live chat, {C['chat_hours']}.",
                f"Sure! Call {C['phone']} during phone hours, or start a live chat, which is open {C['chat_hours']}.",
            ],
            [C["phone"]],
            ESC,
            anchor=C["phone"],
            n=3,
        ),
        intent(
            "contact_chat",
            "contact and escalation",
            [
                "Is live chat available at night?",
                "When is the chat open?",
                "What time does live chat close?",
            ],
            [f"Live chat is open {C['chat_hours']}."],
            ["7 am to 11 pm"],
            ESC,
            anchor="live chat",
        ),
        intent(
            "contact_email",
            "contact and escalation",
            ["What's your support email?", "How fast do you answer emails?"],
            [f"Email us at {C['email']}; we reply within {C['email_reply']}."],
            [C["email"], C["email_reply"]],
            CON,
            anchor=C["email_reply"],
        ),
        intent(
            "contact_sunday",
            "contact and escalation",
            ["Are you open on Sundays?", "Can I call on a public holiday?"],
            [
                f"Phone support is closed on {C['phone_closed']}, but live chat stays open every day, including weekends."
            ],
            ["live chat"],
            CON,
            anchor="Phone support is closed",
        ),
        intent(
            "contact_escalate",
            "contact and escalation",
            [
                "The agent couldn't solve my issue, can I escalate?",
                "I've contacted you twice and nothing is fixed.",
                "I need a specialist to look at my case.",
            ],
            [
                f"Ask the agent to escalate your case. It goes to our specialist team, who contact you within {E['tier2_reply']}."
            ],
            [E["tier2_reply"]],
            ESC,
            anchor=E["tier2_reply"],
        ),
        intent(
            "contact_complaint",
            "contact and escalation",
            ["How do I make a formal complaint?", "Who do I complain to about bad service?"],
            [
                f"Email our customer-care manager at {C['care_manager_email']} with your case number and what you'd like us to do. The manager replies within {E['manager_reply']}."
            ],
            [C["care_manager_email"], E["manager_reply"]],
            ESC,
            anchor=C["care_manager_email"],
        ),
        intent(
            "contact_safety",
            "contact and escalation",
            [
                "My power bank is getting really hot and swollen!",
                "My power station smells like burning.",
                "The battery in my lantern is bulging, what do I do?",
            ],
            [
                f"Please stop using it at once, move it away from anything flammable and call {C['phone']}, option 1. Safety cases are handled first."
            ],
            ["option 1"],
            ESC,
            anchor="option 1",
        ),
    ]
