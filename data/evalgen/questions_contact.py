"""Contact questions: channels, hours, escalation and complaints."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import CONTACT, ESCALATION

from .common import q

C = CONTACT


def contact():
    ESC = "support/escalation.md"
    return [
        q(
            "con-01",
            "contact",
            "What is your customer service phone number?",
            "help/contact-us.html",
            f"Call {C['phone']}.",
            [C["phone"]],
        ),
        q(
            "con-02",
            "contact",
            "Is phone support open on Saturdays?",
            "help/contact-us.html",
            f"Yes, {C['phone_hours_saturday']}.",
            ["9 am to 5 pm"],
        ),
        q(
            "con-03",
            "contact",
            "What are the live chat hours?",
            "help/contact-us.html",
            f"Live chat is open {C['chat_hours']}.",
            ["7 am to 11 pm"],
        ),
        q(
            "con-04",
            "contact",
            "How quickly do you answer emails?",
            "help/contact-us.html",
            f"Within {C['email_reply']}.",
            [C["email_reply"]],
        ),
        q(
            "con-05",
            "contact",
            "The agent couldn't fix my problem. How do I escalate it?",
            ESC,
            f"Ask for escalation; the specialist team contacts you within {ESCALATION['tier2_reply']}.",
            [ESCALATION["tier2_reply"]],
        ),
        q(
            "con-06",
            "contact",
            "How do I file a formal complaint?",
            ESC,
            f"Email the customer-care manager at {C['care_manager_email']}; they reply within {ESCALATION['manager_reply']}.",
            [C["care_manager_email"]],
        ),
        q(
            "con-07",
            "contact",
            "My power bank is swelling. What should I do?",
            ESC,
            f"Stop using it, move it away from anything flammable and call {C['phone']}, option 1.",
            ["option 1"],
        ),
        q(
            "con-08",
            "contact",
            "What do Kestrel case numbers look like?",
            ESC,
            f"They start with {C['case_prefix']} followed by six digits.",
            [C["case_prefix"]],
        ),
        q(
            "con-09",
            "contact",
            "Can I reach someone on a Sunday?",
            "help/contact-us.html",
            "Phone support is closed on Sundays, but live chat is open every day.",
            [["live chat", "chat"]],
        ),
    ]
