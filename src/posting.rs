//! Parse and validate stage for postings, `postings/<id>.yaml`: one opening of a role, with
//! where, for how much, from when to when, and how to apply.
//!
//! A posting names its role with `role:`; that link is checked in `resolve`.

use crate::diagnostics::{Diagnostic, Position};
use crate::model::{Item, PayPeriod};
use crate::raw::{EmploymentType, RawItem};
use crate::yaml::position;
use serde::Deserialize;
use serde_saphyr::{Location as YamlLocation, Spanned};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPosting {
    /// Id of the role this posting opens (a file name in `roles/` without `.yaml`).
    pub role: Spanned<String>,
    /// A title for this opening, when it differs from the role's.
    pub title: Option<String>,
    pub employment_type: Option<EmploymentType>,
    /// `YYYY-MM-DD`.
    pub date_posted: Spanned<String>,
    /// `YYYY-MM-DD`: the last day the posting is open.
    pub valid_through: Option<Spanned<String>>,
    #[serde(default)]
    pub locations: Vec<Spanned<RawLocation>>,
    pub remote: Option<Spanned<RawRemote>>,
    /// Pay for every location that does not state its own.
    pub pay: Option<Spanned<RawPay>>,
    pub apply: Option<Spanned<crate::settings::RawApply>>,
    #[serde(default)]
    pub benefits: Vec<Spanned<RawItem>>,
    /// Duties on top of the role's.
    #[serde(default)]
    pub duties: Vec<Spanned<RawItem>>,
    /// Requirements on top of the role's.
    #[serde(default)]
    pub requirements: Vec<Spanned<RawItem>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocation {
    pub street: Option<String>,
    pub city: Option<String>,
    /// State, province or region code, e.g. `CO`.
    pub region: Option<String>,
    /// County, where a law applies by county (e.g. Westchester, NY).
    pub county: Option<String>,
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code, e.g. `US`.
    pub country: String,
    pub pay: Option<Spanned<RawPay>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRemote {
    /// ISO 3166-1 alpha-2 codes of the countries applicants may live in.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Regions within those countries, e.g. `CO`, when the posting is limited to them.
    #[serde(default)]
    pub regions: Vec<String>,
    pub pay: Option<Spanned<RawPay>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPay {
    pub currency: String,
    pub period: PayPeriod,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// A fixed amount instead of a range.
    pub amount: Option<f64>,
}

/// A calendar date, compared and printed as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists in that month.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = &text[range];
            part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
        };
        let (year, month, day) = (num(0..4)?, num(5..7)? as u8, num(8..10)? as u8);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1970 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// The date `days` days after 1970-01-01 (for `SOURCE_DATE_EPOCH` and the clock).
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Howard Hinnant's civil-from-days algorithm.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Pay for one location: a range or a fixed amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Pay {
    pub currency: String,
    pub period: PayPeriod,
    pub min: f64,
    /// Equal to `min` for a fixed amount.
    pub max: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub street: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub county: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
    pub pay: Option<Pay>,
    /// Where the location is written, for diagnostics.
    pub position: Position,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Remote {
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub pay: Option<Pay>,
    pub position: Position,
}

#[derive(Debug, Clone)]
pub struct Posting {
    pub id: String,
    pub file: String,
    pub role: String,
    pub role_position: Position,
    pub title: Option<String>,
    pub employment_type: Option<EmploymentType>,
    pub date_posted: Date,
    pub valid_through: Option<Date>,
    pub locations: Vec<Location>,
    pub remote: Option<Remote>,
    pub apply_url: Option<String>,
    pub apply_email: Option<String>,
    pub benefits: Vec<Item>,
    pub duties: Vec<Item>,
    pub requirements: Vec<Item>,
}

/// Where one opening is: an address, or remote.
#[derive(Debug, Clone, Copy)]
pub enum Place<'a> {
    Onsite(&'a Location),
    Remote(&'a Remote),
}

/// One page of a posting: a posting has one opening per location (and one if remote).
#[derive(Debug, Clone)]
pub struct Opening<'a> {
    /// `<posting id>-<location slug>`: depends only on the posting id and the place, so editing
    /// pay, dates or text never changes it.
    pub id: String,
    pub posting: &'a Posting,
    pub place: Place<'a>,
}

impl Opening<'_> {
    pub fn pay(&self) -> Option<&Pay> {
        match self.place {
            Place::Onsite(l) => l.pay.as_ref(),
            Place::Remote(r) => r.pay.as_ref(),
        }
    }

    /// Open on `today`: posted on or before it and not past `valid_through`.
    pub fn is_open(&self, today: Date) -> bool {
        self.posting.date_posted <= today
            && self.posting.valid_through.is_none_or(|end| today <= end)
    }
}

impl Posting {
    pub fn openings(&self) -> Vec<Opening<'_>> {
        let mut out: Vec<Opening> = self
            .locations
            .iter()
            .map(|l| Opening {
                id: format!("{}-{}", self.id, location_slug(l)),
                posting: self,
                place: Place::Onsite(l),
            })
            .collect();
        if let Some(r) = &self.remote {
            out.push(Opening {
                id: format!("{}-remote", self.id),
                posting: self,
                place: Place::Remote(r),
            });
        }
        out
    }
}

/// `Denver, CO, US` → `denver-co-us`.
pub fn location_slug(l: &Location) -> String {
    let parts: Vec<&str> = [l.city.as_deref(), l.region.as_deref(), Some(l.country.as_str())]
        .into_iter()
        .flatten()
        .collect();
    crate::discover::slugify(&parts.join("-"))
}

/// Where an opening is, for people: `Denver, CO, US` or `Remote (US)`.
pub fn place_text(place: Place<'_>) -> String {
    match place {
        Place::Onsite(l) => [l.city.as_deref(), l.region.as_deref(), Some(l.country.as_str())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
        Place::Remote(r) => {
            let mut reach = r.countries.join(", ");
            if !r.regions.is_empty() {
                reach = format!("{reach}: {}", r.regions.join(", "));
            }
            format!("Remote ({reach})")
        }
    }
}

/// The build date: `--today`, else `SOURCE_DATE_EPOCH` (seconds), else the clock.
pub fn build_date(
    today: Option<&str>,
    source_date_epoch: Option<&str>,
    now_secs: u64,
) -> Result<Date, String> {
    if let Some(text) = today {
        return Date::parse(text)
            .ok_or_else(|| format!("--today `{text}` is not a date: write YYYY-MM-DD"));
    }
    let secs = match source_date_epoch {
        Some(text) => text
            .trim()
            .parse::<i64>()
            .map_err(|_| format!("SOURCE_DATE_EPOCH `{text}` is not a number of seconds"))?,
        None => now_secs as i64,
    };
    Ok(Date::from_days_since_epoch(secs.div_euclid(86_400)))
}

/// Validates one parsed posting file.
pub fn validate_posting(
    id: &str,
    file: &str,
    raw: RawPosting,
    diags: &mut Vec<Diagnostic>,
) -> Posting {
    let mut cx = Cx { file, diags };
    let date_posted =
        cx.date(&raw.date_posted, "date_posted").unwrap_or(Date { year: 1970, month: 1, day: 1 });
    let valid_through = raw.valid_through.as_ref().and_then(|d| cx.date(d, "valid_through"));
    if let (Some(end), Some(raw_end)) = (valid_through, &raw.valid_through)
        && end < date_posted
    {
        cx.error(
            "E017",
            &raw_end.referenced,
            "valid_through",
            "the posting closes before it is posted",
            "use a date on or after `date_posted`",
        );
    }
    let default_pay = raw.pay.as_ref().and_then(|p| cx.pay(p, "pay"));
    let locations: Vec<Location> = raw
        .locations
        .iter()
        .map(|l| {
            let v = &l.value;
            if v.country.len() != 2 || !v.country.bytes().all(|b| b.is_ascii_uppercase()) {
                cx.error(
                    "E021",
                    &l.referenced,
                    "locations.country",
                    &format!("`{}` is not an ISO 3166 country code", v.country),
                    "use two capital letters, e.g. `US`",
                );
            }
            Location {
                street: v.street.clone(),
                city: v.city.clone(),
                region: v.region.clone(),
                county: v.county.clone(),
                postal_code: v.postal_code.clone(),
                country: v.country.clone(),
                pay: v
                    .pay
                    .as_ref()
                    .and_then(|p| cx.pay(p, "locations.pay"))
                    .or_else(|| default_pay.clone()),
                position: position(file, &l.referenced),
            }
        })
        .collect();
    let remote = raw.remote.as_ref().map(|r| {
        if r.value.countries.is_empty() {
            cx.error(
                "E015",
                &r.referenced,
                "remote.countries",
                "a remote posting must say where applicants may live",
                "list the countries, e.g. `countries: [US]`",
            );
        }
        Remote {
            countries: r.value.countries.clone(),
            regions: r.value.regions.clone(),
            pay: r
                .value
                .pay
                .as_ref()
                .and_then(|p| cx.pay(p, "remote.pay"))
                .or_else(|| default_pay.clone()),
            position: position(file, &r.referenced),
        }
    });
    let mut slugs: Vec<String> = Vec::new();
    for (l, raw_l) in locations.iter().zip(&raw.locations) {
        let slug = location_slug(l);
        if slugs.contains(&slug) {
            cx.error(
                "E023",
                &raw_l.referenced,
                "locations",
                "two locations of this posting are the same place",
                "give each location its own city or region, or remove one",
            );
        }
        slugs.push(slug);
    }
    if locations.is_empty() && remote.is_none() {
        cx.error(
            "E003",
            &raw.role.referenced,
            "locations",
            "a posting needs at least one location or `remote:`",
            "add `locations: [{city: …, region: …, country: US}]` or `remote: {countries: [US]}`",
        );
    }
    let (apply_url, apply_email) = match raw.apply {
        None => (None, None),
        Some(a) => {
            if a.value.url.is_none() && a.value.email.is_none() {
                cx.error(
                    "E015",
                    &a.referenced,
                    "apply",
                    "`apply` needs a `url` or an `email`",
                    "write `apply: { url: https://… }`",
                );
            }
            let url =
                a.value.url.and_then(|u| crate::validate::web_url(file, u, "apply.url", cx.diags));
            (url, a.value.email)
        }
    };
    let mut items = |list: &[Spanned<RawItem>], field: &str| -> Vec<Item> {
        let mut out = Vec::new();
        for raw in list {
            let text = match &raw.value {
                RawItem::Text(t) => t,
                RawItem::Detailed(m) => match &m.text {
                    Some(t) => t,
                    None => continue,
                },
            };
            let pos = position(file, &raw.referenced);
            cx.diags.extend(crate::validate::markdown_warnings(text, pos, field));
            out.push(Item { text: text.trim().to_owned(), sources: Vec::new() });
        }
        out
    };
    let benefits = items(&raw.benefits, "benefits");
    let duties = items(&raw.duties, "duties");
    let requirements = items(&raw.requirements, "requirements");
    Posting {
        id: id.to_owned(),
        file: file.to_owned(),
        role: raw.role.value.clone(),
        role_position: position(file, &raw.role.referenced),
        title: raw.title,
        employment_type: raw.employment_type,
        date_posted,
        valid_through,
        locations,
        remote,
        apply_url,
        apply_email,
        benefits,
        duties,
        requirements,
    }
}

struct Cx<'a> {
    file: &'a str,
    diags: &'a mut Vec<Diagnostic>,
}

impl Cx<'_> {
    fn error(
        &mut self,
        code: &'static str,
        at: &YamlLocation,
        field: &str,
        message: &str,
        help: &str,
    ) {
        self.diags.push(
            Diagnostic::error(code, position(self.file, at), message)
                .field(field)
                .label("here")
                .help(help),
        );
    }

    fn date(&mut self, raw: &Spanned<String>, field: &str) -> Option<Date> {
        let date = Date::parse(&raw.value);
        if date.is_none() {
            self.error(
                "E022",
                &raw.referenced,
                field,
                &format!("`{}` is not a date", raw.value),
                "write the date as YYYY-MM-DD, e.g. `2026-11-02`",
            );
        }
        date
    }

    fn pay(&mut self, raw: &Spanned<RawPay>, field: &str) -> Option<Pay> {
        let p = &raw.value;
        if p.currency.len() != 3 || !p.currency.bytes().all(|b| b.is_ascii_uppercase()) {
            self.error(
                "E019",
                &raw.referenced,
                &format!("{field}.currency"),
                &format!("`{}` is not an ISO 4217 currency code", p.currency),
                "use three capital letters, e.g. `USD`",
            );
            return None;
        }
        let (min, max) = match (p.min, p.max, p.amount) {
            (Some(min), Some(max), None) if min > 0.0 && min <= max => (min, max),
            (None, None, Some(amount)) if amount > 0.0 => (amount, amount),
            _ => {
                self.error(
                    "E017",
                    &raw.referenced,
                    field,
                    "pay needs `min` and `max` (0 < min ≤ max), or one `amount`",
                    "write `{ currency: USD, period: year, min: 62000, max: 78000 }`",
                );
                return None;
            }
        };
        Some(Pay { currency: p.currency.clone(), period: p.period, min, max })
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert_eq!(Date::parse("2026-11-02").unwrap().to_string(), "2026-11-02");
        assert!(Date::parse("2024-02-29").is_some());
        for bad in ["2026-02-29", "2026-13-01", "2026-4-01", "26-04-01", "2026-04-31", "tomorrow"] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_build_date_comes_from_the_flag_then_source_date_epoch_then_the_clock() {
        use super::build_date;
        assert_eq!(build_date(Some("2026-11-22"), Some("0"), 0).unwrap().to_string(), "2026-11-22");
        assert_eq!(build_date(None, Some("1763769600"), 0).unwrap().to_string(), "2025-11-22");
        assert_eq!(build_date(None, None, 86_400 * 2).unwrap().to_string(), "1970-01-03");
        assert!(build_date(Some("22/11/2026"), None, 0).is_err());
        assert!(build_date(None, Some("soon"), 0).is_err());
    }

    #[test]
    fn days_since_the_epoch_become_dates() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days_since_epoch(20_414).to_string(), "2025-11-22");
        assert_eq!(Date::from_days_since_epoch(19_782).to_string(), "2024-02-29");
    }
}
