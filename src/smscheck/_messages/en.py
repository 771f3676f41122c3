"""English wording of every diagnostic code."""

from __future__ import annotations

from .._codes import Code, FailureCause, RuleEffect
from ._wording import Wording as W

__all__ = ["CAUSES", "EFFECT_REMEDIES", "MESSAGES"]

_RETYPE = "Type the number again, starting with + and the country code."
_ASK_OTHER = "Ask for a mobile number that can receive text messages."

MESSAGES: dict[Code, W] = {
    Code.EMPTY_INPUT: W("No phone number was entered.", "Enter your mobile phone number."),
    Code.NOT_A_NUMBER: W(
        "The text does not contain a phone number.", "Enter your mobile phone number in digits."
    ),
    Code.DATE_TIME_OR_ADDRESS: W(
        "The text looks like a date, a time or an IP address, not a phone number.",
        "Enter your mobile phone number in digits.",
        "Check that the form sends the phone field, not another field, to the check.",
    ),
    Code.INPUT_TOO_LONG: W(
        "The text is {length} characters long, far more than any phone number (at most {limit}).",
        "Enter just one phone number.",
    ),
    Code.INVALID_CHARACTERS: W(
        "The number contains characters that do not belong in a phone number: {characters}.",
        "Type the number again using only digits, spaces and a leading +.",
    ),
    Code.INVISIBLE_CHARACTERS: W(
        "Invisible characters were removed from the number: {characters}.",
        "Nothing to do; if you pasted the number, type it by hand next time.",
    ),
    Code.REPEATED_PLUS: W(
        "The number starts with {count} plus signs; it was read with one.",
        "Nothing to do; one + before the country code is enough.",
    ),
    Code.HAS_EXTENSION: W(
        "The number has an extension ({extension}), which text messages cannot reach.",
        "Enter a number that reaches your own phone directly, without an extension.",
    ),
    Code.MULTIPLE_NUMBERS: W(
        "The field holds {count} phone numbers; only the first one was checked.",
        "Enter only the mobile number that should receive the code.",
    ),
    Code.VANITY_LETTERS: W(
        "The letters {letters} were read as the keypad digits they stand for.",
        "Make sure this is the number you meant; personal mobiles rarely have letters.",
    ),
    Code.SPREADSHEET_FORMATTING: W(
        "The number carried spreadsheet formatting ({text}), which was removed.",
        "Nothing to do; store phone numbers as text, not as numbers, in spreadsheets.",
        "Store phone numbers as text columns so spreadsheets do not reformat them.",
    ),
    Code.SCIENTIFIC_NOTATION: W(
        "The number was turned into scientific notation ({text}) by a spreadsheet and its last "
        "digits are lost.",
        "Enter the number again in full.",
        "Re-export the data with the phone column formatted as text.",
    ),
    Code.MISSING_COUNTRY_CODE: W(
        "The number has no country code, and no country was given to read it in.",
        _RETYPE,
        "Pass the country of the sign-up form as the region hint.",
    ),
    Code.INVALID_COUNTRY_CODE: W("The number does not start with a valid country code.", _RETYPE),
    Code.TOO_SHORT: W(
        "The number is too short for {region}: {missing} digit(s) missing.",
        "Check the number and add the missing digits.",
    ),
    Code.TOO_LONG: W(
        "The number is too long for {region}: {extra} digit(s) too many.",
        "Check the number and remove the extra digits.",
    ),
    Code.INVALID_NUMBER: W(
        "The number has a possible length but no such number exists in {region}.",
        "Check the number for a mistyped digit and the country code.",
    ),
    Code.LOCAL_ONLY: W(
        "The number can only be dialled locally in {region}: the area code is missing.",
        "Add the area code in front of the number.",
    ),
    Code.LANDLINE: W(
        "This is a landline number, which cannot receive text messages.",
        _ASK_OTHER,
        "Offer to deliver the code by a voice call.",
    ),
    Code.LINE_TYPE_UNKNOWN: W(
        "In {region} mobile and landline numbers share ranges, so the kind of line cannot be told "
        "from the number.",
        "If the code does not arrive, make sure this is a mobile number.",
        "Offer a voice call if the text message is not delivered.",
    ),
    Code.VOIP: W(
        "This is an internet telephony (VoIP) number; many of them cannot receive verification "
        "texts.",
        "If the code does not arrive, use a mobile number from a mobile operator.",
        "Decide whether your flow accepts VoIP numbers and say so on the form.",
    ),
    Code.TOLL_FREE: W("This is a toll-free service number, not a personal phone.", _ASK_OTHER),
    Code.PREMIUM_RATE: W(
        "This is a premium-rate service number, not a personal phone.",
        _ASK_OTHER,
        "Never send codes to premium-rate numbers: it is a known fraud pattern.",
    ),
    Code.SHARED_COST: W("This is a shared-cost service number, not a personal phone.", _ASK_OTHER),
    Code.PERSONAL_NUMBER: W(
        "This is a personal (forwarding) number, which may not pass text messages on.",
        "If the code does not arrive, enter the mobile number it forwards to.",
    ),
    Code.PAGER: W(
        "This is a pager number; it may not receive the text message.",
        "If the code does not arrive, use a mobile number.",
    ),
    Code.UAN: W("This is a company's universal access number, not a personal phone.", _ASK_OTHER),
    Code.VOICEMAIL: W("This is a voicemail access number, not a phone.", _ASK_OTHER),
    Code.SHORT_CODE: W(
        "This is a short service number (such as an emergency or operator number), not a "
        "subscriber's phone.",
        "Enter your full mobile number.",
    ),
    Code.FICTIONAL_NUMBER: W(
        "This number is reserved by {authority} for films, books and examples and is never "
        "assigned to anyone.",
        "Enter your real mobile number.",
    ),
    Code.EXAMPLE_NUMBER: W(
        "This is the sample number that phone forms show as a placeholder.",
        "Enter your own mobile number rather than the example.",
    ),
    Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE: W(
        "The national prefix {prefix} was written after the country code; it was dropped.",
        "Nothing to do; after the country code, leave out the leading {prefix}.",
    ),
    Code.DUPLICATED_COUNTRY_CODE: W(
        "The country code {country_code} was typed twice.",
        "Type the country code only once.",
    ),
    Code.MISSING_PLUS: W(
        "The number starts with the country code {country_code} but has no + in front.",
        "Put + in front of the country code.",
    ),
    Code.NATIONAL_NUMBER_AFTER_PLUS: W(
        "The number starts with + but goes on as a national number of {region}: the country"
        " code {country_code} is missing after the +.",
        "After the +, type the country code {country_code}, then the number without its"
        " national prefix.",
    ),
    Code.WRONG_INTERNATIONAL_PREFIX: W(
        "The number starts with {prefix}, a prefix for dialling abroad; in a phone field,"
        " + stands for it.",
        "Replace {prefix} with +.",
    ),
    Code.REGION_MISMATCH: W(
        "The number is not valid in {region}, but it is a valid number of {other_region}.",
        _RETYPE,
        "Let people choose the country of their number on the form.",
    ),
    Code.AMBIGUOUS_NUMBER: W(
        "The number can be read as a number of {region} or as {other} ({other_region}).",
        "Type the number with + and the country code so that there is no doubt.",
        "Confirm the country with the person before sending the code.",
    ),
    Code.LOOKALIKE_CHARACTERS: W(
        "The number contains letters that look like digits: {characters}.",
        "Type the number again with digits only (zero, not the letter O; one, not the letter l).",
    ),
    Code.LEGACY_PREFIX: W(
        "The number uses a format that was retired on {retired}: {description}",
        "Write the number in its current form, as suggested.",
    ),
    Code.MISSING_LEADING_ZERO: W(
        "In {region} the leading 0 stays after the country code, and it is missing here.",
        "Keep the 0 after the country code.",
    ),
    Code.MISSING_DIGIT: W(
        "A digit seems to be missing.", "Check the number and add the missing digit."
    ),
    Code.EXTRA_DIGIT: W(
        "There seems to be a digit too many.", "Check the number and remove the extra digit."
    ),
    Code.DOUBLED_DIGIT: W(
        "A digit seems to have been typed twice.", "Check the number for a doubled digit."
    ),
    Code.TRANSPOSED_DIGITS: W(
        "Two neighbouring digits seem to be swapped.", "Check the order of the digits."
    ),
    Code.CARRIER_MAY_BE_PORTED: W(
        "The carrier shown is the one the number range was given to; the number may have moved "
        "to another operator since.",
        "Nothing to do.",
        "Do not rely on the carrier shown for routing; query a live number-portability service.",
    ),
    # explain_failure: the provider's code, then what the number's own check adds.
    Code.PROVIDER_CODE: W(
        "{provider} {error}: {meaning}",
        "{cause_remedy}",
        "{cause_service_remedy}",
    ),
    Code.UNKNOWN_ERROR_CODE: W(
        "{provider} {error} is not a code smscheck knows, so the cause cannot be told.",
        "Ask for a new code in a few minutes; if it still does not come, contact the service.",
        "Look the code up in {provider}'s documentation and check that the provider is right.",
    ),
    Code.FAILURE_EXPLAINED_BY_NUMBER: W(
        "The number as typed explains the error: {reason}",
        "{reason_remedy}",
        "Show the person what is wrong with the number and let them correct it before sending "
        "again.",
    ),
    Code.FAILURE_EXPLAINED_BY_LINE_TYPE: W(
        "The line type explains the error: {reason}",
        _ASK_OTHER,
        "Do not resend by SMS to this number: ask for a mobile number or offer a voice call.",
    ),
    Code.LINE_TYPE_SETTLED_BY_FAILURE: W(
        "The numbering plan cannot tell whether this number is a mobile; the error says it "
        "cannot take SMS, so it is most likely a landline or a virtual line.",
        _ASK_OTHER,
        "Do not resend by SMS to this number: ask for a mobile number or offer a voice call.",
    ),
    Code.FAILURE_EXPLAINED_BY_ROUTE: W(
        "A rule on the route explains the error: {reason}",
        "{reason_remedy}",
        "{reason_service_remedy}",
    ),
    Code.FAILURE_ON_VALID_NUMBER: W(
        "The number is valid in its numbering plan, so its range exists: the line itself is "
        "probably disconnected, not yet in service, or was typed with a wrong digit that still "
        "makes a valid number.",
        "Check the number digit by digit; if it is right, ask your operator whether it can "
        "receive text messages.",
        "Ask the person to confirm the number; do not resend to it unchanged.",
    ),
    Code.FAILURE_ON_MOBILE_NUMBER: W(
        "The number is a mobile number, so its line type does not explain the error: the "
        "carrier refused this message, or the number has moved to a line that cannot take SMS.",
        "If the number is right, ask your operator whether it can receive text messages from "
        "services.",
        "Check the sender and route for this destination, retry once, and ask the provider "
        "which carrier refused it.",
    ),
    Code.ROUTE_DEPENDS_ON_SENDER: W(
        "{region} has {rules} rules that concern some kinds of sender only; without the "
        "sender, smscheck cannot tell whether one of them explains the error.",
        "Ask for a new code in a few minutes; if it still does not come, ask the service for "
        "another way to confirm.",
        "Check again with the sender you send from (its kind and where it is registered) to "
        "see the rules that concern it.",
    ),
    Code.NO_KNOWN_RULE: W(
        "smscheck knows no rule for {region} that stops this sender, so the carrier's own "
        "filtering is the likely cause; such filters weigh content, volume and sender "
        "reputation.",
        "Ask for a new code in a few minutes; if it still does not come, ask the service for "
        "another way to confirm.",
        "Ask the provider which filter stopped the message, and review its content, volume and "
        "sender for this destination.",
    ),
}

#: What each party can do about a provider's delivery failure, by its cause; the message
#: says what the cause means, for the codes whose own text is not known.
CAUSES: dict[FailureCause, W] = {
    FailureCause.INVALID_NUMBER: W(
        "The destination is not a valid phone number.",
        _RETYPE,
        "Check numbers with smscheck before sending and show the person what to fix.",
    ),
    FailureCause.UNKNOWN_NUMBER: W(
        "The network does not know this number: it is unallocated, disconnected or not in service.",
        "Check that the number is yours and still in service, then type it again.",
        "Do not resend to this number: ask the person to confirm it or to give another one.",
    ),
    FailureCause.ABSENT_SUBSCRIBER: W(
        "The phone could not be reached: it is off, out of coverage or not registered on the "
        "network.",
        "Make sure the phone is on and has signal, then ask for a new code.",
        "Retry later with backoff, and offer another channel if the code is needed now.",
    ),
    FailureCause.NOT_SMS_CAPABLE: W(
        "The number cannot take text messages: a landline, a virtual line or a plan without SMS.",
        _ASK_OTHER,
        "Do not resend by SMS: ask for a mobile number or offer a voice call.",
    ),
    FailureCause.CARRIER_FILTERED: W(
        "A carrier's or the provider's filter stopped the message.",
        "Ask for a new code in a few minutes; if it still does not come, ask the service for "
        "another way to confirm.",
        "Review the content and sending volume, use a sender registered for this destination, "
        "and ask the provider which filter stopped it.",
    ),
    FailureCause.SENDER_NOT_ALLOWED: W(
        "The sender is not registered or not allowed for this destination or carrier.",
        "Nothing on your phone can fix this: ask the service for another way to confirm.",
        "Register the sender for this destination, or send from a sender it accepts (see the "
        "route rules).",
    ),
    FailureCause.RECIPIENT_BLOCKED: W(
        "The recipient has opted out, or their line is barred from receiving these messages.",
        "If you blocked this sender or replied STOP, unblock it or reply START, then ask for a "
        "new code; otherwise ask your operator whether messages from services are barred.",
        "Do not resend until the person opts in again.",
    ),
    FailureCause.HANDSET_ERROR: W(
        "The phone or its SIM card could not store or process the message.",
        "Free some space for messages on the phone, restart it, then ask for a new code.",
        "Retry later: the person has to free space on the phone first.",
    ),
    FailureCause.EXPIRED: W(
        "The message could not be delivered before its validity period ended.",
        "Make sure the phone is on and has signal, then ask for a new code.",
        "Send a new code, and check the validity period set on the message and the carrier's "
        "delays.",
    ),
    FailureCause.RATE_LIMITED: W(
        "Too many messages were sent, to this number or from this sender, in too short a time.",
        "Wait a few minutes before asking for a new code.",
        "Slow down: spread messages over time and limit resends per number.",
    ),
    FailureCause.CONTENT_REJECTED: W(
        "The message's content was refused: its text, encoding, length, links or media.",
        "Nothing on your phone can fix this: ask the service for another way to confirm.",
        "Change the message: check its encoding, length, links and wording.",
    ),
    FailureCause.SENDER_ACCOUNT: W(
        "The sending service's account or request is set up wrongly.",
        "The problem is on the service's side: try again later or contact its support.",
        "Fix the account or the request with the provider: resending as it is will fail again.",
    ),
    FailureCause.NO_ROUTE: W(
        "The provider or a carrier has no route to this destination or network.",
        "Nothing on your phone can fix this: ask for another way to confirm, or give another "
        "mobile number.",
        "Ask the provider to enable a route to this destination, or send through another provider.",
    ),
    FailureCause.NETWORK_FAILURE: W(
        "A network along the way failed for the moment.",
        "Ask for a new code in a few minutes.",
        "Retry later with backoff; if it persists, ask the provider about the route.",
    ),
    FailureCause.NOT_A_FAILURE: W(
        "The code reports the message delivered, or still on its way: it is not a failure.",
        "Look for the message among all your messages, including any set aside as spam or "
        "from blocked senders; if it is still on its way, wait a few minutes.",
        "Wait for the final delivery status before sending again.",
    ),
    FailureCause.UNKNOWN: W(
        "The provider does not say what went wrong.",
        "Ask for a new code in a few minutes; if it still does not come, contact the service.",
        "Look the code up in the provider's documentation and ask its support.",
    ),
}

#: What the person can do about a region or carrier rule, by the rule's effect; an advisory
#: rule does not stop a plain code, so there is nothing for the person to do about it.
EFFECT_REMEDIES: dict[RuleEffect, str | None] = {
    RuleEffect.BLOCKED: (
        "A code sent this way cannot reach numbers in this country: ask the service for another way to confirm, such as a voice call, e-mail or an authenticator app."
    ),
    RuleEffect.FILTERED: (
        "If the code has not come after a few minutes, ask the service for another way to confirm; the filter is on the route, not on your phone, and your operator cannot lift it for you."
    ),
    RuleEffect.REPLACED: (
        "The code may come from an unfamiliar number or name: look for it among all your new messages, including any your phone has put aside as spam."
    ),
    RuleEffect.DELAYED: (
        "At night the code may be held until the morning: if it has not come, request it again during the day."
    ),
    RuleEffect.ADVISORY: None,
}
