"""English wording of every diagnostic code."""

from __future__ import annotations

from .._codes import Code, RuleEffect
from ._wording import Wording as W

__all__ = ["EFFECT_REMEDIES", "MESSAGES"]

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
