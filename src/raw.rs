//! Parse stage, data shapes: the serde types that mirror a role file exactly.
//!
//! Nothing here is trusted. Every struct rejects unknown fields; values that later checks must
//! point at are `Spanned`, so a diagnostic can name their line and column. `validate` turns
//! these into the domain types of `model`.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A role file, `roles/<id>.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    pub title: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub family: Option<String>,
    pub occupation: Option<RawOccupation>,
    pub summary: Option<Spanned<RawItem>>,
    pub reports_to: Option<Spanned<RawItem>>,
    #[serde(default)]
    pub supervises: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub settings: Vec<Spanned<RawItem>>,
    pub employment_type: Option<EmploymentType>,
    pub flsa: Option<Flsa>,
    #[serde(default)]
    pub duties: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub skills: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub knowledge: Vec<Spanned<RawItem>>,
    pub education: Option<RawEducation>,
    pub experience: Option<RawExperience>,
    #[serde(default)]
    pub certifications: Vec<RawCertification>,
    pub salary: Option<RawSalary>,
    #[serde(default)]
    pub outlook: Vec<Spanned<RawGrowth>>,
    pub working_conditions: Option<RawWorkingConditions>,
    #[serde(default)]
    pub advancement: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub faq: Vec<RawFaq>,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    #[serde(default)]
    pub similar_occupations: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOccupation {
    pub system: String,
    pub code: String,
    pub title: Option<String>,
    pub source: Option<SourceRef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEducation {
    pub minimum: Option<EducationLevel>,
    pub preferred: Option<EducationLevel>,
    pub source: Option<SourceRef>,
    #[serde(default)]
    pub fields: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub courses: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub details: Vec<Spanned<RawItem>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExperience {
    pub minimum_years: Option<Spanned<f64>>,
    pub preferred_years: Option<Spanned<f64>>,
    pub source: Option<SourceRef>,
    #[serde(default)]
    pub details: Vec<Spanned<RawItem>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCertification {
    pub name: Spanned<String>,
    pub kind: Option<CredentialKind>,
    pub issuer: Option<String>,
    pub requirement: Option<Requirement>,
    pub source: Option<SourceRef>,
    #[serde(default)]
    pub details: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub prerequisites: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub exam: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub renewal: Vec<Spanned<RawItem>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSalary {
    #[serde(default)]
    pub figures: Vec<Spanned<RawSalaryFigure>>,
    pub band: Option<Spanned<RawPayBand>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSalaryFigure {
    pub kind: FigureKind,
    pub amount: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub currency: String,
    pub period: PayPeriod,
    pub year: Option<u16>,
    pub scope: Option<String>,
    pub attributed_to: Option<String>,
    pub source: Option<SourceRef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPayBand {
    pub min: f64,
    pub max: f64,
    pub currency: String,
    pub period: PayPeriod,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGrowth {
    pub growth_percent: f64,
    pub period: Option<String>,
    pub scope: Option<String>,
    pub attributed_to: Option<String>,
    pub note: Option<String>,
    pub source: Option<SourceRef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWorkingConditions {
    #[serde(default)]
    pub hours: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub overtime: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub environment: Vec<Spanned<RawItem>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFaq {
    pub question: Spanned<String>,
    pub answer: Spanned<String>,
    pub source: Option<SourceRef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Spanned<String>,
    pub title: String,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<Spanned<String>>,
    pub note: Option<String>,
}

/// Google's `employmentType` values, spelled the YAML way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Contract,
    Temporary,
    Intern,
    PerDiem,
    Volunteer,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flsa {
    Exempt,
    NonExempt,
}

/// Ordered from least to most schooling, so `minimum <= preferred` can be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    None,
    HighSchool,
    PostsecondaryCertificate,
    Associate,
    Bachelor,
    Master,
    Doctorate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    Certification,
    License,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    Required,
    Preferred,
    Optional,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Median,
    Average,
    Mean,
    Minimum,
    Maximum,
    Range,
    Percentile,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayPeriod {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// `source: id` or `source: [id, id]`. A lone id carries the location of the whole value.
#[derive(Debug)]
pub struct SourceRef(pub Vec<Spanned<String>>);

impl<'de> Deserialize<'de> for SourceRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<OneOrMany>::deserialize(deserializer)?;
        Ok(SourceRef(match spanned.value {
            OneOrMany::One(id) => {
                vec![Spanned::new(id, spanned.referenced, spanned.defined)]
            }
            OneOrMany::Many(ids) => ids,
        }))
    }
}

enum OneOrMany {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor;
        impl<'de> Visitor<'de> for OneOrManyVisitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a source id or a list of source ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<Spanned<String>>()? {
                    ids.push(id);
                }
                Ok(OneOrMany::Many(ids))
            }
        }
        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

/// A list entry: plain text, `{text, source}`, or (in `duties` only) `{group, items}`.
#[derive(Debug)]
pub enum RawItem {
    Text(String),
    Detailed(RawItemMap),
}

/// The map form of an item. `validate` decides whether it is an item or a group.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItemMap {
    pub text: Option<String>,
    pub source: Option<SourceRef>,
    pub group: Option<String>,
    pub items: Option<Vec<Spanned<RawItem>>>,
}

impl<'de> Deserialize<'de> for RawItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = RawItem;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text, or a map with `text` and `source`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawItem, E> {
                Ok(RawItem::Text(v.to_owned()))
            }
            // A bare number or boolean in a list of text is still text to the reader.
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawItem, E> {
                Ok(RawItem::Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawItem, E> {
                Ok(RawItem::Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawItem, E> {
                Ok(RawItem::Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawItem, E> {
                Ok(RawItem::Text(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawItem, A::Error> {
                RawItemMap::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawItem::Detailed)
            }
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}
