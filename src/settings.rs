//! Parse and validate stage for `jobgen.yaml`: site and organization settings. The file is
//! optional and every field has a default, so a folder with only `roles/` builds.

use crate::diagnostics::Diagnostic;
use crate::yaml;
use serde::Deserialize;
use serde_saphyr::Spanned;

pub const FILE: &str = "jobgen.yaml";

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawSettings {
    pub site: Option<RawSite>,
    pub organization: Option<RawOrganization>,
    /// Equal employment opportunity statement shown on every posting.
    pub eeo_statement: Option<String>,
    /// Benefits every posting offers unless it lists its own.
    #[serde(default)]
    pub benefits: Vec<String>,
    /// How to apply, unless a posting says otherwise.
    pub apply: Option<RawApply>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub title: Option<String>,
    pub base_url: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganization {
    pub name: String,
    pub url: Option<Spanned<String>>,
    pub logo: Option<Spanned<String>>,
    /// Number of employees: pay-transparency laws apply above a size.
    pub employees: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawApply {
    pub url: Option<Spanned<String>>,
    pub email: Option<String>,
}

/// Validated settings.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Settings {
    pub title: String,
    /// Absolute base URL ending in `/`, when set.
    pub base_url: Option<String>,
    pub organization: Option<Organization>,
    pub eeo_statement: Option<String>,
    pub benefits: Vec<String>,
    pub apply: Option<Apply>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Organization {
    pub name: String,
    pub url: Option<String>,
    pub logo: Option<String>,
    pub employees: Option<u32>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Apply {
    pub url: Option<String>,
    pub email: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            title: "Job descriptions".to_owned(),
            base_url: None,
            organization: None,
            eeo_statement: None,
            benefits: Vec::new(),
            apply: None,
        }
    }
}

/// Parses and validates the text of `jobgen.yaml`; problems go to `diags`.
pub fn parse_settings(text: &str, diags: &mut Vec<Diagnostic>) -> Settings {
    if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Settings::default();
    }
    let raw: RawSettings = match yaml::parse(FILE, text) {
        Ok(raw) => raw,
        Err(d) => {
            diags.push(*d);
            return Settings::default();
        }
    };
    let mut web_url = |url: Option<Spanned<String>>, field: &str| {
        url.and_then(|url| crate::validate::web_url(FILE, url, field, diags))
    };
    let site = raw.site;
    let title = site.as_ref().and_then(|s| s.title.clone());
    let base_url = web_url(site.and_then(|s| s.base_url), "site.base_url")
        .map(|u| if u.ends_with('/') { u } else { format!("{u}/") });
    let organization = raw.organization.map(|o| Organization {
        name: o.name,
        url: web_url(o.url, "organization.url"),
        logo: web_url(o.logo, "organization.logo"),
        employees: o.employees,
    });
    let apply = raw.apply.map(|a| Apply { url: web_url(a.url, "apply.url"), email: a.email });
    Settings {
        title: title.unwrap_or_else(|| Settings::default().title),
        base_url,
        organization,
        eeo_statement: raw.eeo_statement,
        benefits: raw.benefits,
        apply,
    }
}
