"""The stable vocabularies of a report: diagnostic codes, severities, line and sender kinds."""

from __future__ import annotations

import enum

__all__ = [
    "DEFAULT_SEVERITY",
    "TYPO_CODES",
    "Code",
    "DeliveryVerdict",
    "FailureCause",
    "LiftedBy",
    "LineType",
    "RuleEffect",
    "SenderKind",
    "Severity",
    "Traffic",
]


class Severity(enum.StrEnum):
    """How much a diagnostic matters to an SMS flow.

    ``error``: a code sent by SMS will not reach the intended person.
    ``warning``: it may not, or the reading is doubtful.
    ``info``: worth knowing; delivery is not at risk because of it.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: sort key, most severe first."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class LineType(enum.StrEnum):
    """What kind of line a number belongs to, from the numbering plan."""

    MOBILE = "mobile"
    FIXED_LINE = "fixed_line"
    FIXED_LINE_OR_MOBILE = "fixed_line_or_mobile"
    VOIP = "voip"
    TOLL_FREE = "toll_free"
    PREMIUM_RATE = "premium_rate"
    SHARED_COST = "shared_cost"
    PERSONAL_NUMBER = "personal_number"
    PAGER = "pager"
    UAN = "uan"
    VOICEMAIL = "voicemail"
    SHORT_CODE = "short_code"
    UNKNOWN = "unknown"


class SenderKind(enum.StrEnum):
    """The kind of sender identity a service sends its SMS from."""

    ALPHANUMERIC = "alphanumeric"
    """A name such as ``ACME``, registered or not."""
    INTERNATIONAL_LONG_CODE = "international_long_code"
    """An ordinary phone number of another country than the destination."""
    LOCAL_LONG_CODE = "local_long_code"
    """An ordinary phone number of the destination country."""
    SHORT_CODE = "short_code"
    """A 3 to 8 digit number issued for A2P traffic in the destination country."""
    TOLL_FREE = "toll_free"
    """A toll-free number used as sender (North America)."""


class Traffic(enum.StrEnum):
    """How an SMS enters the destination's networks, as operators tell traffic apart."""

    INTERNATIONAL = "international"
    """Sent from abroad (a foreign service's provider hands it over to an international route)."""
    LOCAL = "local"
    """Sent through a local entity or partner in the destination country."""


class LiftedBy(enum.StrEnum):
    """What a sender can have done that takes a rule off its route."""

    REGISTRATION = "registration"
    """The sender is registered in the destination for the traffic it sends there."""
    TEMPLATE_REGISTRATION = "template_registration"
    """The message templates are registered in the destination."""


class RuleEffect(enum.StrEnum):
    """What a region or carrier rule does to a code sent by a sender the rule concerns.

    The effect decides the rule's severity and the person's remedy (``docs/rules.md``).
    """

    BLOCKED = "blocked"
    """Refused: a code sent that way cannot arrive."""
    FILTERED = "filtered"
    """May be dropped, or delivered only on a best-effort basis."""
    REPLACED = "replaced"
    """Delivered, but under another sender number or name than the one sent."""
    DELAYED = "delayed"
    """Every message, codes included, is held or refused during certain hours."""
    ADVISORY = "advisory"
    """A plain one-time code is not stopped: content, promotional hours, fraud risk."""

    @property
    def severity(self) -> Severity:
        """The severity of a rule with this effect where it certainly applies."""
        return _EFFECT_SEVERITY[self]


_EFFECT_SEVERITY = {
    RuleEffect.BLOCKED: Severity.ERROR,
    RuleEffect.FILTERED: Severity.WARNING,
    RuleEffect.REPLACED: Severity.WARNING,
    RuleEffect.DELAYED: Severity.WARNING,
    RuleEffect.ADVISORY: Severity.INFO,
}


class DeliveryVerdict(enum.StrEnum):
    """Will a code sent by SMS reach the person? The values are API: never renamed."""

    LIKELY = "likely"
    """A valid number that can take an SMS, and nothing known against the route."""
    AT_RISK = "at_risk"
    """It may not: the line type cannot be told, the reading is a correction, or a rule
    filters, replaces or delays this sender."""
    UNLIKELY = "unlikely"
    """It will not: no number was read, the line cannot take an SMS, or the destination
    refuses this sender."""


class FailureCause(enum.StrEnum):
    """Why a provider says an SMS was not delivered, in one vocabulary for every provider.

    The values are API: never renamed. ``docs/failures.md`` maps each provider's codes here.
    """

    INVALID_NUMBER = "invalid_number"
    """The destination is not a valid phone number (format, length, country code)."""
    UNKNOWN_NUMBER = "unknown_number"
    """A well-formed number the network does not know: unallocated, deactivated, not in the
    home register."""
    ABSENT_SUBSCRIBER = "absent_subscriber"
    """The handset is off, out of coverage or otherwise unreachable for now."""
    NOT_SMS_CAPABLE = "not_sms_capable"
    """A landline, a virtual line or a subscription that cannot take SMS."""
    CARRIER_FILTERED = "carrier_filtered"
    """Stopped by a carrier's or the provider's spam or fraud filtering."""
    SENDER_NOT_ALLOWED = "sender_not_allowed"
    """The sender (name, number, registration, campaign) is not registered or not allowed
    for this destination or carrier."""
    RECIPIENT_BLOCKED = "recipient_blocked"
    """The recipient opted out, is barred from receiving SMS, or is on a block list."""
    HANDSET_ERROR = "handset_error"
    """The handset or SIM is full or cannot process the message."""
    EXPIRED = "expired"
    """The message's validity period ended before it could be delivered."""
    RATE_LIMITED = "rate_limited"
    """Throttled: too many messages to the number or from the sender, or a full queue."""
    CONTENT_REJECTED = "content_rejected"
    """The content was refused: body, encoding, length, link or media."""
    SENDER_ACCOUNT = "sender_account"
    """An account or configuration problem on the sending side: credentials, balance,
    suspension, permissions, an invalid request."""
    NO_ROUTE = "no_route"
    """The provider or carrier has no route to this destination or network."""
    NETWORK_FAILURE = "network_failure"
    """A temporary failure in a network, a carrier or the provider along the way."""
    NOT_A_FAILURE = "not_a_failure"
    """The code reports the message delivered, or still on its way: nothing failed yet."""
    UNKNOWN = "unknown"
    """The sources do not say what went wrong, or the code is not one smscheck knows."""

    @property
    def sender_side(self) -> bool:
        """True when the number cannot explain it: the sending side's doing, or no failure."""
        return self in _SENDER_SIDE


_SENDER_SIDE = frozenset(
    {
        FailureCause.SENDER_ACCOUNT,
        FailureCause.RATE_LIMITED,
        FailureCause.CONTENT_REJECTED,
        FailureCause.NOT_A_FAILURE,
    }
)


class Code(enum.StrEnum):
    """What a diagnostic or a suggestion is about. The values are API: never renamed."""

    # The text itself.
    EMPTY_INPUT = "empty_input"
    NOT_A_NUMBER = "not_a_number"
    DATE_TIME_OR_ADDRESS = "date_time_or_address"
    INPUT_TOO_LONG = "input_too_long"
    INVALID_CHARACTERS = "invalid_characters"
    INVISIBLE_CHARACTERS = "invisible_characters"
    REPEATED_PLUS = "repeated_plus"
    HAS_EXTENSION = "has_extension"
    MULTIPLE_NUMBERS = "multiple_numbers"
    VANITY_LETTERS = "vanity_letters"
    SPREADSHEET_FORMATTING = "spreadsheet_formatting"
    SCIENTIFIC_NOTATION = "scientific_notation"
    # The number's structure.
    MISSING_COUNTRY_CODE = "missing_country_code"
    INVALID_COUNTRY_CODE = "invalid_country_code"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    INVALID_NUMBER = "invalid_number"
    LOCAL_ONLY = "local_only"
    # The kind of line.
    LANDLINE = "landline"
    LINE_TYPE_UNKNOWN = "line_type_unknown"
    VOIP = "voip"
    TOLL_FREE = "toll_free"
    PREMIUM_RATE = "premium_rate"
    SHARED_COST = "shared_cost"
    PERSONAL_NUMBER = "personal_number"
    PAGER = "pager"
    UAN = "uan"
    VOICEMAIL = "voicemail"
    SHORT_CODE = "short_code"
    # Numbers that belong to nobody.
    FICTIONAL_NUMBER = "fictional_number"
    EXAMPLE_NUMBER = "example_number"
    # Typing mistakes.
    TRUNK_PREFIX_AFTER_COUNTRY_CODE = "trunk_prefix_after_country_code"
    DUPLICATED_COUNTRY_CODE = "duplicated_country_code"
    MISSING_PLUS = "missing_plus"
    NATIONAL_NUMBER_AFTER_PLUS = "national_number_after_plus"
    WRONG_INTERNATIONAL_PREFIX = "wrong_international_prefix"
    REGION_MISMATCH = "region_mismatch"
    AMBIGUOUS_NUMBER = "ambiguous_number"
    LOOKALIKE_CHARACTERS = "lookalike_characters"
    LEGACY_PREFIX = "legacy_prefix"
    MISSING_LEADING_ZERO = "missing_leading_zero"
    MISSING_DIGIT = "missing_digit"
    EXTRA_DIGIT = "extra_digit"
    DOUBLED_DIGIT = "doubled_digit"
    TRANSPOSED_DIGITS = "transposed_digits"
    # Region and carrier rules for international A2P SMS.
    SENDER_REGISTRATION_REQUIRED = "sender_registration_required"
    INTERNATIONAL_SMS_FILTERED = "international_sms_filtered"
    ALPHANUMERIC_SENDER_UNSUPPORTED = "alphanumeric_sender_unsupported"
    INTERNATIONAL_LONG_CODE_UNSUPPORTED = "international_long_code_unsupported"
    SENDER_ID_REPLACED = "sender_id_replaced"
    TEMPLATE_REGISTRATION_REQUIRED = "template_registration_required"
    CONTENT_RESTRICTED = "content_restricted"
    DELIVERY_HOURS_RESTRICTED = "delivery_hours_restricted"
    SMS_PUMPING_RISK = "sms_pumping_risk"
    DESTINATION_UNSUPPORTED = "destination_unsupported"
    CARRIER_MAY_BE_PORTED = "carrier_may_be_ported"
    # A provider's delivery error, explained (explain_failure).
    PROVIDER_CODE = "provider_code"
    UNKNOWN_ERROR_CODE = "unknown_error_code"
    FAILURE_EXPLAINED_BY_NUMBER = "failure_explained_by_number"
    FAILURE_EXPLAINED_BY_LINE_TYPE = "failure_explained_by_line_type"
    LINE_TYPE_SETTLED_BY_FAILURE = "line_type_settled_by_failure"
    FAILURE_EXPLAINED_BY_ROUTE = "failure_explained_by_route"
    FAILURE_ON_VALID_NUMBER = "failure_on_valid_number"
    FAILURE_ON_MOBILE_NUMBER = "failure_on_mobile_number"
    NO_KNOWN_RULE = "no_known_rule"
    ROUTE_DEPENDS_ON_SENDER = "route_depends_on_sender"

    @property
    def severity(self) -> Severity:
        """The severity this code has unless a rule says otherwise."""
        return DEFAULT_SEVERITY[self]


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

#: The severity of each code. Rules (``data/carrier_rules.toml``) may set their own.
DEFAULT_SEVERITY: dict[Code, Severity] = {
    Code.EMPTY_INPUT: _E,
    Code.NOT_A_NUMBER: _E,
    Code.DATE_TIME_OR_ADDRESS: _E,
    Code.INPUT_TOO_LONG: _E,
    Code.INVALID_CHARACTERS: _E,
    Code.INVISIBLE_CHARACTERS: _I,
    Code.REPEATED_PLUS: _I,
    Code.HAS_EXTENSION: _I,
    Code.MULTIPLE_NUMBERS: _E,
    Code.VANITY_LETTERS: _I,
    Code.SPREADSHEET_FORMATTING: _I,
    Code.SCIENTIFIC_NOTATION: _E,
    Code.MISSING_COUNTRY_CODE: _E,
    Code.INVALID_COUNTRY_CODE: _E,
    Code.TOO_SHORT: _E,
    Code.TOO_LONG: _E,
    Code.INVALID_NUMBER: _E,
    Code.LOCAL_ONLY: _E,
    Code.LANDLINE: _E,
    Code.LINE_TYPE_UNKNOWN: _W,
    Code.VOIP: _W,
    Code.TOLL_FREE: _E,
    Code.PREMIUM_RATE: _E,
    Code.SHARED_COST: _E,
    Code.PERSONAL_NUMBER: _W,
    Code.PAGER: _W,
    Code.UAN: _E,
    Code.VOICEMAIL: _E,
    Code.SHORT_CODE: _E,
    Code.FICTIONAL_NUMBER: _E,
    Code.EXAMPLE_NUMBER: _W,
    Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE: _I,
    Code.DUPLICATED_COUNTRY_CODE: _E,
    Code.MISSING_PLUS: _W,
    Code.NATIONAL_NUMBER_AFTER_PLUS: _W,
    Code.WRONG_INTERNATIONAL_PREFIX: _W,
    Code.REGION_MISMATCH: _E,
    Code.AMBIGUOUS_NUMBER: _W,
    Code.LOOKALIKE_CHARACTERS: _W,
    Code.LEGACY_PREFIX: _W,
    Code.MISSING_LEADING_ZERO: _W,
    Code.MISSING_DIGIT: _E,
    Code.EXTRA_DIGIT: _E,
    Code.DOUBLED_DIGIT: _E,
    Code.TRANSPOSED_DIGITS: _E,
    Code.SENDER_REGISTRATION_REQUIRED: _W,
    Code.INTERNATIONAL_SMS_FILTERED: _W,
    Code.ALPHANUMERIC_SENDER_UNSUPPORTED: _W,
    Code.INTERNATIONAL_LONG_CODE_UNSUPPORTED: _W,
    Code.SENDER_ID_REPLACED: _I,
    Code.TEMPLATE_REGISTRATION_REQUIRED: _W,
    Code.CONTENT_RESTRICTED: _I,
    Code.DELIVERY_HOURS_RESTRICTED: _I,
    Code.SMS_PUMPING_RISK: _I,
    Code.DESTINATION_UNSUPPORTED: _E,
    Code.CARRIER_MAY_BE_PORTED: _I,
    Code.PROVIDER_CODE: _E,
    Code.UNKNOWN_ERROR_CODE: _W,
    Code.FAILURE_EXPLAINED_BY_NUMBER: _E,
    Code.FAILURE_EXPLAINED_BY_LINE_TYPE: _E,
    Code.LINE_TYPE_SETTLED_BY_FAILURE: _W,
    Code.FAILURE_EXPLAINED_BY_ROUTE: _E,
    Code.FAILURE_ON_VALID_NUMBER: _W,
    Code.FAILURE_ON_MOBILE_NUMBER: _W,
    Code.NO_KNOWN_RULE: _I,
    Code.ROUTE_DEPENDS_ON_SENDER: _I,
}


#: The codes of typing mistakes (the typo detective's family).
TYPO_CODES: frozenset[Code] = frozenset(
    {
        Code.TRUNK_PREFIX_AFTER_COUNTRY_CODE,
        Code.DUPLICATED_COUNTRY_CODE,
        Code.MISSING_PLUS,
        Code.NATIONAL_NUMBER_AFTER_PLUS,
        Code.WRONG_INTERNATIONAL_PREFIX,
        Code.REGION_MISMATCH,
        Code.AMBIGUOUS_NUMBER,
        Code.LOOKALIKE_CHARACTERS,
        Code.LEGACY_PREFIX,
        Code.MISSING_LEADING_ZERO,
        Code.MISSING_DIGIT,
        Code.EXTRA_DIGIT,
        Code.DOUBLED_DIGIT,
        Code.TRANSPOSED_DIGITS,
    }
)
