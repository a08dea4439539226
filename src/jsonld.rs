//! Render stage helper: schema.org `JobPosting` JSON-LD for one opening, per Google's
//! job-posting rules, serialised so it can sit inside `<script>` safely.

use crate::model::{EducationLevel, EmploymentType, PayPeriod, Role};
use crate::posting::{Opening, Place};
use crate::settings::Settings;
use serde_json::{Map, Value, json};

/// The JSON-LD of `opening`. `description_html` must be the description shown on the page.
pub fn job_posting(
    opening: &Opening<'_>,
    role: &Role,
    title: &str,
    settings: &Settings,
    description_html: &str,
) -> Value {
    let posting = opening.posting;
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org/"));
    ld.insert("@type".into(), json!("JobPosting"));
    ld.insert("title".into(), json!(title));
    ld.insert("description".into(), json!(description_html));
    ld.insert("datePosted".into(), json!(posting.date_posted.to_string()));
    if let Some(end) = posting.valid_through {
        ld.insert("validThrough".into(), json!(end.to_string()));
    }
    if let Some(t) = posting.employment_type.or(role.employment_type) {
        ld.insert("employmentType".into(), json!(google_employment_type(t)));
    }
    if let Some(org) = &settings.organization {
        let mut o = Map::new();
        o.insert("@type".into(), json!("Organization"));
        o.insert("name".into(), json!(org.name));
        if let Some(url) = &org.url {
            o.insert("sameAs".into(), json!(url));
        }
        if let Some(logo) = &org.logo {
            o.insert("logo".into(), json!(logo));
        }
        ld.insert("hiringOrganization".into(), Value::Object(o));
        ld.insert(
            "identifier".into(),
            json!({"@type": "PropertyValue", "name": org.name, "value": opening.id}),
        );
    }
    match opening.place {
        Place::Onsite(l) => {
            let mut address = Map::new();
            address.insert("@type".into(), json!("PostalAddress"));
            for (key, value) in [
                ("streetAddress", &l.street),
                ("addressLocality", &l.city),
                ("addressRegion", &l.region),
                ("postalCode", &l.postal_code),
            ] {
                if let Some(v) = value {
                    address.insert(key.into(), json!(v));
                }
            }
            address.insert("addressCountry".into(), json!(l.country));
            ld.insert(
                "jobLocation".into(),
                json!({"@type": "Place", "address": Value::Object(address)}),
            );
        }
        Place::Remote(r) => {
            ld.insert("jobLocationType".into(), json!("TELECOMMUTE"));
            let mut areas: Vec<Value> =
                r.countries.iter().map(|c| json!({"@type": "Country", "name": c})).collect();
            areas.extend(r.regions.iter().map(|s| json!({"@type": "State", "name": s})));
            ld.insert("applicantLocationRequirements".into(), Value::Array(areas));
        }
    }
    if let Some(pay) = opening.pay() {
        let mut value = json!({"@type": "QuantitativeValue", "unitText": unit_text(pay.period)});
        if pay.min == pay.max {
            value["value"] = json!(pay.min);
        } else {
            value["minValue"] = json!(pay.min);
            value["maxValue"] = json!(pay.max);
        }
        ld.insert(
            "baseSalary".into(),
            json!({"@type": "MonetaryAmount", "currency": pay.currency, "value": value}),
        );
    }
    ld.insert("directApply".into(), json!(posting.apply_url.is_some()));
    if let Some(level) = role.education.as_ref().and_then(|e| e.minimum)
        && let Some(category) = credential_category(level)
    {
        ld.insert(
            "educationRequirements".into(),
            json!({"@type": "EducationalOccupationalCredential", "credentialCategory": category}),
        );
    }
    if let Some(years) = role.experience.as_ref().and_then(|e| e.minimum_years) {
        ld.insert(
            "experienceRequirements".into(),
            json!({"@type": "OccupationalExperienceRequirements", "monthsOfExperience": (years * 12.0).round() as u32}),
        );
    }
    if let Some(o) = &role.occupation {
        ld.insert("occupationalCategory".into(), json!(o.code));
    }
    Value::Object(ld)
}

/// JSON for inside `<script type="application/ld+json">`: `<`, `>`, `&` and the two line
/// separators are written as `\uXXXX`, so no `</script>` or `<!--` can form from any value.
pub fn to_script_json(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).expect("a JSON value always serialises");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

pub fn google_employment_type(t: EmploymentType) -> &'static str {
    match t {
        EmploymentType::FullTime => "FULL_TIME",
        EmploymentType::PartTime => "PART_TIME",
        EmploymentType::Contract => "CONTRACTOR",
        EmploymentType::Temporary => "TEMPORARY",
        EmploymentType::Intern => "INTERN",
        EmploymentType::PerDiem => "PER_DIEM",
        EmploymentType::Volunteer => "VOLUNTEER",
        EmploymentType::Other => "OTHER",
    }
}

fn unit_text(period: PayPeriod) -> &'static str {
    match period {
        PayPeriod::Hour => "HOUR",
        PayPeriod::Day => "DAY",
        PayPeriod::Week => "WEEK",
        PayPeriod::Month => "MONTH",
        PayPeriod::Year => "YEAR",
    }
}

/// Google's `credentialCategory` values.
fn credential_category(level: EducationLevel) -> Option<&'static str> {
    match level {
        EducationLevel::None => None,
        EducationLevel::HighSchool => Some("high school"),
        EducationLevel::PostsecondaryCertificate => Some("professional certificate"),
        EducationLevel::Associate => Some("associate degree"),
        EducationLevel::Bachelor | EducationLevel::Master | EducationLevel::Doctorate => {
            Some(if level == EducationLevel::Bachelor {
                "bachelor degree"
            } else {
                "postgraduate degree"
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::to_script_json;
    use serde_json::json;

    #[test]
    fn no_script_end_tag_can_form() {
        let v = json!({"description": "</script><script>alert(1)</script><!-- & \u{2028}"});
        let text = to_script_json(&v);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v, "still valid JSON with the same value");
    }
}
