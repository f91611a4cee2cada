"""ISO 4217 currencies in use for invoicing, with the number of digits of their minor unit."""

from __future__ import annotations

# Codes with a minor unit other than two digits (ISO 4217 list one, 2024 edition).
_ZERO_DIGITS = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_THREE_DIGITS = "BHD IQD JOD KWD LYD OMR TND"
_FOUR_DIGITS = "CLF UYW"
_TWO_DIGITS = (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN "
    "BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB "
    "EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS "
    "KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN "
    "MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD "
    "SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS "
    "UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL"
)

MINOR_DIGITS: dict[str, int] = {
    code: digits
    for digits, codes in (
        (0, _ZERO_DIGITS),
        (2, _TWO_DIGITS),
        (3, _THREE_DIGITS),
        (4, _FOUR_DIGITS),
    )
    for code in codes.split()
}

#: The codes a VA is most likely to bill in, offered first in pickers.
COMMON = ("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "PHP", "INR", "ZAR", "MXN", "BRL", "CHF")
