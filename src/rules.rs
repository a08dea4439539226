//! Lint stage: pay-transparency laws. The rules are data, `rules/pay-transparency.yaml`
//! (compiled in; a project's own file of that name replaces them), one entry per jurisdiction.
//! Every posting open on the build date is checked against the rules in force that day.

use crate::diagnostics::{Diagnostic, Position};
use crate::model::Catalog;
use crate::posting::{Date, Opening, Place};
use crate::settings::Settings;
use serde::Deserialize;

pub const FILE: &str = "rules/pay-transparency.yaml";
pub const BUILTIN: &str = include_str!("../rules/pay-transparency.yaml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub law: String,
    #[serde(rename = "where")]
    pub place: Jurisdiction,
    pub effective: String,
    pub min_employees: u32,
    pub remote: RemoteCoverage,
    pub requires: Vec<Need>,
    #[serde(default)]
    pub level: Level,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    pub country: Option<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    pub region: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemoteCoverage {
    Covered,
    NotCovered,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    Pay,
    Range,
    Benefits,
    ClosingDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    #[default]
    Error,
    Warning,
}

/// Parses a rules file; a problem is a diagnostic naming the file.
pub fn parse_rules(text: &str, diags: &mut Vec<Diagnostic>) -> Vec<Rule> {
    let rules: Vec<Rule> = match crate::yaml::parse(FILE, text) {
        Ok(rules) => rules,
        Err(d) => {
            diags.push(*d);
            return Vec::new();
        }
    };
    for rule in &rules {
        if Date::parse(&rule.effective).is_none() {
            let pos = Position { file: FILE.to_owned(), line: 0, column: 0, len: 0 };
            diags.push(
                Diagnostic::error(
                    "E022",
                    pos,
                    format!("rule `{}`: `{}` is not a date", rule.id, rule.effective),
                )
                .field("effective")
                .help("write the date as YYYY-MM-DD"),
            );
        }
    }
    rules
}

impl Rule {
    fn in_force(&self, today: Date) -> bool {
        Date::parse(&self.effective).is_some_and(|d| d <= today)
    }

    fn covers_country(&self, country: &str) -> bool {
        self.place.country.as_deref() == Some(country)
            || self.place.countries.iter().any(|c| c == country)
    }

    /// Whether this rule applies where `opening` is.
    fn covers(&self, opening: &Opening<'_>) -> bool {
        let same = |rule: &Option<String>, posting: &Option<String>| match rule {
            None => true,
            Some(r) => posting.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(r)),
        };
        match opening.place {
            Place::Onsite(l) => {
                self.covers_country(&l.country)
                    && same(&self.place.region, &l.region)
                    && same(&self.place.city, &l.city)
                    && same(&self.place.county, &l.county)
            }
            // A remote posting open to a whole country reaches every state of it.
            Place::Remote(r) => {
                self.remote == RemoteCoverage::Covered
                    && self.place.city.is_none()
                    && self.place.county.is_none()
                    && r.countries.iter().any(|c| self.covers_country(c))
                    && (r.regions.is_empty()
                        || self.place.region.as_ref().is_none_or(|reg| r.regions.contains(reg)))
            }
        }
    }
}

/// Checks every opening open on `today` against the rules in force on `today`.
pub fn check_pay_transparency(
    catalog: &Catalog,
    settings: &Settings,
    rules: &[Rule],
    today: Date,
) -> Vec<Diagnostic> {
    let employees = settings.organization.as_ref().and_then(|o| o.employees);
    let has_default_benefits = !settings.benefits.is_empty();
    let mut diags = Vec::new();
    for posting in &catalog.postings {
        for opening in posting.openings().iter().filter(|o| o.is_open(today)) {
            let position = match opening.place {
                Place::Onsite(l) => &l.position,
                Place::Remote(r) => &r.position,
            };
            for rule in rules.iter().filter(|r| r.in_force(today) && r.covers(opening)) {
                // Without a size, assume the law applies: the safe reading.
                if employees.is_some_and(|n| n < rule.min_employees) {
                    continue;
                }
                let pay = opening.pay();
                let missing: Vec<(&str, &str)> = rule
                    .requires
                    .iter()
                    .filter_map(|need| match need {
                        Need::Pay if pay.is_none() => Some((
                            "a pay range",
                            "`pay: { currency: USD, period: year, min: 50000, max: 60000 }`",
                        )),
                        Need::Range if pay.is_some_and(|p| p.min == p.max) => Some((
                            "a pay range with a minimum and a maximum, not a single amount",
                            "`min:` and `max:` in `pay` instead of `amount:`",
                        )),
                        Need::Benefits if posting.benefits.is_empty() && !has_default_benefits => {
                            Some((
                                "a description of the benefits",
                                "`benefits: [...]` to the posting, or to jobgen.yaml for all postings",
                            ))
                        }
                        Need::ClosingDate if posting.valid_through.is_none() => Some((
                            "the date applications close",
                            "`valid_through: YYYY-MM-DD`",
                        )),
                        _ => None,
                    })
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                let what: Vec<&str> = missing.iter().map(|(what, _)| *what).collect();
                let how: Vec<&str> = missing.iter().map(|(_, how)| *how).collect();
                let message =
                    format!("{} requires {} in this posting", rule.law, what.join(" and "));
                let d = match rule.level {
                    Level::Error => Diagnostic::error("E030", position.clone(), message),
                    Level::Warning => Diagnostic::warning("W030", position.clone(), message),
                };
                diags.push(
                    d.field(if matches!(opening.place, Place::Remote(_)) {
                        "remote"
                    } else {
                        "locations"
                    })
                    .label(format!(
                        "{} is covered by {}",
                        crate::posting::place_text(opening.place),
                        rule.id
                    ))
                    .help(format!(
                        "add {}. Source: {}",
                        how.join(" and "),
                        rule.source
                    )),
                );
            }
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_rules_parse_and_cover_every_listed_jurisdiction() {
        let mut diags = Vec::new();
        let rules = parse_rules(BUILTIN, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        for id in [
            "us-co",
            "us-ca",
            "us-wa",
            "us-ny",
            "us-ny-nyc",
            "us-ny-ithaca",
            "us-ny-westchester",
            "us-nj",
            "us-nj-jersey-city",
            "us-il",
            "us-md",
            "us-hi",
            "us-dc",
            "us-mn",
            "us-vt",
            "us-ma",
            "us-oh-cleveland",
            "us-oh-columbus",
            "us-de",
            "us-me",
            "eu-pay-transparency",
        ] {
            assert!(rules.iter().any(|r| r.id == id), "{id}");
        }
    }
}
