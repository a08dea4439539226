//! Domain types: what the program works with once a role file has been validated.
//!
//! Unlike `raw`, every value here is known good: ids are slugs, every cited source exists,
//! every figure has a source, ranges are ordered. Roles are kept sorted by id.

pub use crate::raw::{
    CredentialKind, EducationLevel, EmploymentType, FigureKind, Flsa, PayPeriod, Requirement,
};

/// All roles of a project, sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub roles: Vec<Role>,
    /// Postings, sorted by file name.
    pub postings: Vec<crate::posting::Posting>,
}

impl Catalog {
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.binary_search_by(|r| r.id.as_str().cmp(id)).ok().map(|i| &self.roles[i])
    }
}

#[derive(Debug, Clone)]
pub struct Role {
    /// The file stem; matches `[a-z0-9-]+`, so it can name a file under `output/`.
    pub id: String,
    /// Path of the role file relative to the project root.
    pub file: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub family: String,
    pub occupation: Option<Occupation>,
    /// Block Markdown, with the sources it draws on.
    pub summary: Option<Item>,
    pub reports_to: Option<Item>,
    pub supervises: Vec<Item>,
    pub settings: Vec<Item>,
    pub employment_type: Option<EmploymentType>,
    pub flsa: Option<Flsa>,
    pub duties: Vec<DutyGroup>,
    pub skills: Vec<Item>,
    pub knowledge: Vec<Item>,
    pub education: Option<Education>,
    pub experience: Option<Experience>,
    pub certifications: Vec<Certification>,
    pub salary_figures: Vec<SalaryFigure>,
    pub pay_band: Option<PayBand>,
    pub outlook: Vec<Growth>,
    pub working_conditions: WorkingConditions,
    pub advancement: Vec<Item>,
    pub faq: Vec<Faq>,
    pub related: Vec<RoleRef>,
    pub similar_occupations: Vec<Item>,
    pub sources: Vec<Source>,
}

/// A reference to another role, with where it was written for diagnostics.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleRef {
    pub id: String,
    pub position: crate::diagnostics::Position,
}

/// A line of text (inline Markdown) with the ids of the sources it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub text: String,
    pub sources: Vec<String>,
}

/// Duties under one heading; `title` is `None` for duties listed without a group.
#[derive(Debug, Clone, PartialEq)]
pub struct DutyGroup {
    pub title: Option<String>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Occupation {
    pub system: String,
    pub code: String,
    pub title: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Education {
    pub minimum: Option<EducationLevel>,
    pub preferred: Option<EducationLevel>,
    pub sources: Vec<String>,
    pub fields: Vec<Item>,
    pub courses: Vec<Item>,
    pub details: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Experience {
    pub minimum_years: Option<f64>,
    pub preferred_years: Option<f64>,
    pub sources: Vec<String>,
    pub details: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Certification {
    pub name: String,
    pub kind: CredentialKind,
    pub issuer: Option<String>,
    pub requirement: Option<Requirement>,
    pub sources: Vec<String>,
    pub details: Vec<Item>,
    pub prerequisites: Vec<Item>,
    pub exam: Vec<Item>,
    pub renewal: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Single(f64),
    Range { min: f64, max: f64 },
}

#[derive(Debug, Clone)]
pub struct SalaryFigure {
    pub kind: FigureKind,
    pub amount: Amount,
    pub currency: String,
    pub period: PayPeriod,
    pub year: Option<u16>,
    pub scope: Option<String>,
    pub attributed_to: Option<String>,
    pub sources: Vec<String>,
}

/// The pay an employer offers for the role.
#[derive(Debug, Clone, PartialEq)]
pub struct PayBand {
    pub min: f64,
    pub max: f64,
    pub currency: String,
    pub period: PayPeriod,
}

#[derive(Debug, Clone)]
pub struct Growth {
    pub percent: f64,
    pub period: Option<String>,
    pub scope: Option<String>,
    pub attributed_to: Option<String>,
    pub note: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct WorkingConditions {
    pub hours: Vec<Item>,
    pub overtime: Vec<Item>,
    pub environment: Vec<Item>,
}

impl WorkingConditions {
    pub fn is_empty(&self) -> bool {
        self.hours.is_empty() && self.overtime.is_empty() && self.environment.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct Faq {
    pub question: String,
    /// Markdown.
    pub answer: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub note: Option<String>,
}

/// True when `id` can be used as a role or source id: `[a-z0-9-]+`, so it can never name a
/// path outside `output/` (no dots, slashes, or anything a file system treats specially).
pub fn is_slug(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::is_slug;

    #[test]
    fn slugs_cannot_name_other_paths() {
        assert!(is_slug("medical-office-manager"));
        for bad in ["", "..", "a/b", "A", "a.b", "a b", "a\\b", "é"] {
            assert!(!is_slug(bad), "{bad:?} must not be a slug");
        }
    }
}
