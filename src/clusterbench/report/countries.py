"""Country names in the report's language, from ISO 3166 alpha-3 codes (Babel names alpha-2)."""

from __future__ import annotations

from babel import Locale

__all__ = ["country_name"]

_ALPHA2 = {
    "ALB": "AL", "AND": "AD", "ARM": "AM", "AUT": "AT", "AZE": "AZ", "BEL": "BE", "BGR": "BG",
    "BIH": "BA", "BLR": "BY", "CAN": "CA", "CHE": "CH", "CYP": "CY", "CZE": "CZ", "DEU": "DE",
    "DNK": "DK", "ESP": "ES", "EST": "EE", "FIN": "FI", "FRA": "FR", "FRO": "FO", "GBR": "GB",
    "GEO": "GE", "GRC": "GR", "GRL": "GL", "HRV": "HR", "HUN": "HU", "IRL": "IE", "ISL": "IS",
    "ISR": "IL", "ITA": "IT", "JPN": "JP", "KOR": "KR", "LIE": "LI", "LTU": "LT", "LUX": "LU",
    "LVA": "LV", "MDA": "MD", "MKD": "MK", "MLT": "MT", "MNE": "ME", "NLD": "NL", "NOR": "NO",
    "POL": "PL", "PRT": "PT", "ROU": "RO", "SRB": "RS", "SVK": "SK", "SVN": "SI", "SWE": "SE",
    "TUR": "TR", "UKR": "UA", "USA": "US",
}  # fmt: skip


def country_name(alpha3: str, locale: Locale) -> str:
    """`NOR` → `Norway` / `Norge`; the code itself when no name is known."""
    alpha2 = _ALPHA2.get(alpha3)
    return locale.territories.get(alpha2, alpha3) if alpha2 else alpha3
