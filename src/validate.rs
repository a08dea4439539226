//! Validate stage: raw role files → domain roles, with every problem collected.
//!
//! Checks that need only one file live here (ids, sources, figures, ranges, Markdown safety);
//! checks across files live in `resolve`. A problem never stops the walk: the role is still
//! built from what is good, so later checks can run and all problems are reported at once.

use crate::diagnostics::{Diagnostic, Position, did_you_mean};
use crate::markdown::{self, Problem};
use crate::model::*;
use crate::raw::*;
use crate::yaml::position;
use serde_saphyr::{Location, Spanned};
use std::collections::BTreeSet;

/// Validates one parsed role file. `id` is the file stem, already checked to be a slug.
pub fn validate_role(id: &str, file: &str, raw: RawRole, diags: &mut Vec<Diagnostic>) -> Role {
    let mut cx = Cx { file, known_sources: BTreeSet::new(), cited: BTreeSet::new(), diags };

    let mut sources = Vec::new();
    let mut defined_at = Vec::new();
    for s in raw.sources {
        defined_at.push(s.id.referenced);
        let sid = &s.id.value;
        if !is_slug(sid) {
            cx.error(
                "E010",
                &s.id.referenced,
                "sources.id",
                format!("source id `{sid}` is not a valid id"),
            )
            .label("not a slug")
            .help("use lowercase letters, digits and dashes only, e.g. `indeed-2022`");
        } else if !cx.known_sources.insert(sid.clone()) {
            cx.error(
                "E014",
                &s.id.referenced,
                "sources.id",
                format!("source id `{sid}` is defined twice"),
            )
            .label("second definition")
            .help("give each source its own id");
        }
        let url = s.url.and_then(|url| web_url(file, url, "sources.url", cx.diags));
        sources.push(Source {
            id: s.id.value,
            title: s.title,
            publisher: s.publisher,
            author: s.author,
            date: s.date,
            url,
            note: s.note,
        });
    }

    if raw.title.value.trim().is_empty() {
        cx.error("E016", &raw.title.referenced, "title", "the title is empty")
            .label("empty")
            .help("write the job title, e.g. `title: Medical Office Manager`");
    }
    cx.check_markdown(&raw.title.value, &raw.title.referenced, "title");

    let occupation = raw.occupation.map(|o| Occupation {
        sources: cx.sources(o.source.as_ref(), "occupation.source"),
        system: o.system,
        code: o.code,
        title: o.title,
    });
    let summary = raw.summary.and_then(|s| cx.item(s, "summary"));

    let mut duties = Vec::new();
    for entry in raw.duties {
        match entry.value {
            RawItem::Detailed(RawItemMap { group: Some(title), items, text, source }) => {
                if text.is_some() || source.is_some() {
                    cx.error(
                        "E015",
                        &entry.referenced,
                        "duties.group",
                        "a duty group has `group` and `items`, not `text` or `source`",
                    )
                    .label("group with text")
                    .help("put the text and its source in an item under `items:`");
                }
                let items = items.unwrap_or_default();
                if items.is_empty() {
                    cx.error(
                        "E015",
                        &entry.referenced,
                        "duties.items",
                        format!("the duty group `{title}` has no items"),
                    )
                    .label("empty group")
                    .help("list the duties under `items:`, or remove the group");
                }
                let items = cx.items(items, "duties.items");
                duties.push(DutyGroup { title: Some(title), items });
            }
            value => {
                let item = cx.item(Spanned::new(value, entry.referenced, entry.defined), "duties");
                match duties.last_mut() {
                    Some(DutyGroup { title: None, items }) => items.extend(item),
                    _ => duties.push(DutyGroup { title: None, items: item.into_iter().collect() }),
                }
            }
        }
    }

    let education = raw.education.map(|e| {
        let sources = cx.sources(e.source.as_ref(), "education.source");
        if (e.minimum.is_some() || e.preferred.is_some()) && sources.is_empty() {
            cx.error_at(
                "E013",
                cx.file_start(),
                "education.source",
                "education levels need a source",
            )
            .help("add `source: <id>` to `education:` naming where the level comes from");
        }
        Education {
            minimum: e.minimum,
            preferred: e.preferred,
            sources,
            fields: cx.items(e.fields, "education.fields"),
            courses: cx.items(e.courses, "education.courses"),
            details: cx.items(e.details, "education.details"),
        }
    });

    let experience = raw.experience.map(|e| {
        let sources = cx.sources(e.source.as_ref(), "experience.source");
        for (years, field) in
            [(&e.minimum_years, "minimum_years"), (&e.preferred_years, "preferred_years")]
        {
            let Some(years) = years else { continue };
            if sources.is_empty() {
                cx.error(
                    "E013",
                    &years.referenced,
                    &format!("experience.{field}"),
                    "a count of years needs a source",
                )
                .label("figure without a source")
                .help("add `source: <id>` to `experience:` naming where this figure comes from");
            }
            if !(0.0..=60.0).contains(&years.value) {
                cx.error(
                    "E017",
                    &years.referenced,
                    &format!("experience.{field}"),
                    "years of experience must be between 0 and 60",
                )
                .label("out of range");
            }
        }
        if let (Some(min), Some(pref)) = (&e.minimum_years, &e.preferred_years)
            && min.value > pref.value
        {
            cx.error(
                "E017",
                &pref.referenced,
                "experience.preferred_years",
                "preferred years are fewer than the minimum",
            )
            .label("less than `minimum_years`")
            .help("swap the two numbers, or lower `minimum_years`");
        }
        Experience {
            minimum_years: e.minimum_years.map(|y| y.value),
            preferred_years: e.preferred_years.map(|y| y.value),
            sources,
            details: cx.items(e.details, "experience.details"),
        }
    });

    let certifications = raw
        .certifications
        .into_iter()
        .map(|c| {
            cx.check_markdown(&c.name.value, &c.name.referenced, "certifications.name");
            Certification {
                name: c.name.value,
                kind: c.kind.unwrap_or(CredentialKind::Certification),
                issuer: c.issuer,
                requirement: c.requirement,
                sources: cx.sources(c.source.as_ref(), "certifications.source"),
                details: cx.items(c.details, "certifications.details"),
                prerequisites: cx.items(c.prerequisites, "certifications.prerequisites"),
                exam: cx.items(c.exam, "certifications.exam"),
                renewal: cx.items(c.renewal, "certifications.renewal"),
            }
        })
        .collect();

    let (salary_figures, pay_band) = match raw.salary {
        None => (Vec::new(), None),
        Some(salary) => {
            let figures = salary.figures.into_iter().filter_map(|f| cx.salary_figure(f)).collect();
            let band = salary.band.and_then(|b| cx.pay_band(b));
            (figures, band)
        }
    };

    let outlook = raw
        .outlook
        .into_iter()
        .map(|g| {
            let sources = cx.sources(g.value.source.as_ref(), "outlook.source");
            if sources.is_empty() {
                cx.error("E013", &g.referenced, "outlook.source", "a growth figure needs a source")
                    .label("figure without a source")
                    .help("add `source: <id>` naming the document this figure comes from");
            }
            Growth {
                percent: g.value.growth_percent,
                period: g.value.period,
                scope: g.value.scope,
                attributed_to: g.value.attributed_to,
                note: g.value.note,
                sources,
            }
        })
        .collect();

    let working_conditions = raw
        .working_conditions
        .map(|w| WorkingConditions {
            hours: cx.items(w.hours, "working_conditions.hours"),
            overtime: cx.items(w.overtime, "working_conditions.overtime"),
            environment: cx.items(w.environment, "working_conditions.environment"),
        })
        .unwrap_or_default();

    let faq = raw
        .faq
        .into_iter()
        .map(|f| {
            cx.check_markdown(&f.question.value, &f.question.referenced, "faq.question");
            cx.check_markdown(&f.answer.value, &f.answer.referenced, "faq.answer");
            let sources = cx.sources(f.source.as_ref(), "faq.source");
            if sources.is_empty() && has_digit(&f.answer.value) {
                cx.figure_without_source(&f.answer.referenced, "faq.answer");
            }
            Faq { question: f.question.value, answer: f.answer.value, sources }
        })
        .collect();

    let reports_to = raw.reports_to.and_then(|i| cx.item(i, "reports_to"));
    let supervises = cx.items(raw.supervises, "supervises");
    let settings = cx.items(raw.settings, "settings");
    let skills = cx.items(raw.skills, "skills");
    let knowledge = cx.items(raw.knowledge, "knowledge");
    let advancement = cx.items(raw.advancement, "advancement");
    let similar_occupations = cx.items(raw.similar_occupations, "similar_occupations");

    let related = raw
        .related
        .into_iter()
        .map(|r| RoleRef { position: position(file, &r.referenced), id: r.value })
        .collect();

    for (s, at) in sources.iter().zip(&defined_at) {
        if !cx.cited.contains(&s.id) {
            let d = Diagnostic::warning(
                "W003",
                position(file, at),
                format!("source `{}` is never cited", s.id),
            );
            cx.diags.push(
                d.field("sources.id")
                    .label("not cited anywhere in this file")
                    .help("cite it with `source:` where its facts are used, or remove it"),
            );
        }
    }

    Role {
        id: id.to_owned(),
        file: file.to_owned(),
        title: raw.title.value.trim().to_owned(),
        aliases: raw.aliases,
        family: raw.family.unwrap_or_else(|| "Other roles".to_owned()),
        occupation,
        summary,
        reports_to,
        supervises,
        settings,
        employment_type: raw.employment_type,
        flsa: raw.flsa,
        duties,
        skills,
        knowledge,
        education,
        experience,
        certifications,
        salary_figures,
        pay_band,
        outlook,
        working_conditions,
        advancement,
        faq,
        related,
        similar_occupations,
        sources,
    }
}

/// The URL if it is a plain web address (`https://` or `http://`, nothing a browser would
/// have to encode); otherwise an E018 diagnostic and `None`. Used for every URL a file gives.
pub fn web_url(
    file: &str,
    url: Spanned<String>,
    field: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let pos = position(file, &url.referenced);
    let value = url.value;
    let problem = if !value.starts_with("https://") && !value.starts_with("http://") {
        Some((
            "a URL must start with `https://` or `http://`".to_owned(),
            "not a web address",
            "write the full address, starting with `https://`",
        ))
    } else {
        value.chars().find(|c| c.is_whitespace() || c.is_control() || "<>\"\\{}|^`".contains(*c)).map(|bad| {
            (
                format!("a URL cannot contain {bad:?}"),
                "not allowed in a web address",
                "copy the address from the browser's address bar, which encodes such characters (e.g. a space as `%20`)",
            )
        })
    };
    match problem {
        None => Some(value),
        Some((message, label, help)) => {
            diags
                .push(Diagnostic::error("E018", pos, message).field(field).label(label).help(help));
            None
        }
    }
}

/// Warnings for what the Markdown safety policy will change in `text` (W001, W002).
pub fn markdown_warnings(text: &str, pos: Position, field: &str) -> Vec<Diagnostic> {
    markdown::problems(text)
        .into_iter()
        .map(|problem| match problem {
            Problem::RawHtml(html) => Diagnostic::warning(
                "W001",
                pos.clone(),
                format!("raw HTML `{html}` will be shown as text"),
            )
            .label("HTML is not passed through")
            .help("use Markdown instead: *emphasis*, **strong**, [link](https://…)"),
            Problem::UnsafeUrl(url) => {
                Diagnostic::warning("W002", pos.clone(), format!("link to `{url}` will be dropped"))
                    .label("unsafe link")
                    .help("links may only use https://, http://, mailto: or tel:")
            }
        })
        .map(|d| d.field(field))
        .collect()
}

fn has_digit(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

/// A diagnostic just recorded, to finish with a label and a help line.
struct Pending<'a>(&'a mut Diagnostic);

impl Pending<'_> {
    fn label(self, label: impl Into<String>) -> Self {
        self.0.label = label.into();
        self
    }

    fn help(self, help: impl Into<String>) -> Self {
        self.0.help = Some(help.into());
        self
    }
}

/// Validation context for one file: where diagnostics go and which sources exist.
struct Cx<'a> {
    file: &'a str,
    known_sources: BTreeSet<String>,
    cited: BTreeSet<String>,
    diags: &'a mut Vec<Diagnostic>,
}

impl Cx<'_> {
    fn error(
        &mut self,
        code: &'static str,
        at: &Location,
        field: &str,
        message: impl Into<String>,
    ) -> Pending<'_> {
        let pos = position(self.file, at);
        self.error_at(code, pos, field, message)
    }

    fn error_at(
        &mut self,
        code: &'static str,
        pos: Position,
        field: &str,
        message: impl Into<String>,
    ) -> Pending<'_> {
        self.diags.push(Diagnostic::error(code, pos, message).field(field));
        Pending(self.diags.last_mut().expect("just pushed"))
    }

    fn file_start(&self) -> Position {
        Position { file: self.file.to_owned(), line: 1, column: 1, len: 0 }
    }

    /// Resolves a `source:` value to known ids, reporting unknown ones.
    fn sources(&mut self, refs: Option<&SourceRef>, field: &str) -> Vec<String> {
        let Some(SourceRef(ids)) = refs else { return Vec::new() };
        let mut out = Vec::new();
        for id in ids {
            if self.known_sources.contains(&id.value) {
                self.cited.insert(id.value.clone());
                if !out.contains(&id.value) {
                    out.push(id.value.clone());
                }
                continue;
            }
            let suggestion = did_you_mean(&id.value, self.known_sources.iter().map(String::as_str))
                .map(str::to_owned);
            let known =
                self.known_sources.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ");
            let value = id.value.clone();
            let d = self
                .error("E011", &id.referenced, field, format!("unknown source id `{value}`"))
                .label("not defined under `sources:`");
            match (suggestion, known.is_empty()) {
                (Some(best), _) => d.help(format!("did you mean `{best}`?")),
                (None, true) => d.help("add the document under `sources:` with this `id`"),
                (None, false) => {
                    d.help(format!("define it under `sources:`, or use one of: {known}"))
                }
            };
        }
        out
    }

    fn items(&mut self, raw: Vec<Spanned<RawItem>>, field: &str) -> Vec<Item> {
        raw.into_iter().filter_map(|i| self.item(i, field)).collect()
    }

    fn item(&mut self, raw: Spanned<RawItem>, field: &str) -> Option<Item> {
        let at = raw.referenced;
        let (text, sources) = match raw.value {
            RawItem::Text(text) => (text, Vec::new()),
            RawItem::Detailed(map) => {
                if map.group.is_some() || map.items.is_some() {
                    self.error(
                        "E015",
                        &at,
                        field,
                        "groups with `group:` and `items:` are only allowed in `duties`",
                    )
                    .label("group outside `duties`")
                    .help("list plain items here");
                    return None;
                }
                let Some(text) = map.text else {
                    self.error("E015", &at, field, "this item has no `text`")
                        .label("item without text")
                        .help("write the item as `- text: …` with `source: …` on the next line");
                    return None;
                };
                let sources = self.sources(map.source.as_ref(), &format!("{field}.source"));
                (text, sources)
            }
        };
        if text.trim().is_empty() {
            self.error("E015", &at, field, "this item is empty")
                .label("empty item")
                .help("write the item's text, or remove the line");
            return None;
        }
        self.check_markdown(&text, &at, field);
        if sources.is_empty() && has_digit(&text) {
            self.figure_without_source(&at, field);
        }
        Some(Item { text: text.trim().to_owned(), sources })
    }

    fn figure_without_source(&mut self, at: &Location, field: &str) {
        self.error("E013", at, field, "this text states a figure but names no source")
            .label("figure without a source")
            .help("give it a source: write the text under `text:` and add `source: <id>` naming the document the figure comes from");
    }

    fn check_markdown(&mut self, text: &str, at: &Location, field: &str) {
        self.diags.extend(markdown_warnings(text, position(self.file, at), field));
    }

    fn salary_figure(&mut self, f: Spanned<RawSalaryFigure>) -> Option<SalaryFigure> {
        let at = f.referenced;
        let f = f.value;
        let sources = self.sources(f.source.as_ref(), "salary.figures.source");
        if sources.is_empty() {
            self.error("E013", &at, "salary.figures.source", "a salary figure needs a source")
                .label("figure without a source")
                .help("add `source: <id>` naming the document this figure comes from");
        }
        self.check_currency(&f.currency, &at, "salary.figures.currency");
        let amount = match (f.kind, f.amount, f.min, f.max) {
            (FigureKind::Range, None, Some(min), Some(max)) if min <= max => {
                Amount::Range { min, max }
            }
            (FigureKind::Range, ..) => {
                self.error(
                    "E017",
                    &at,
                    "salary.figures",
                    "a range needs `min` and `max` (min ≤ max) and no `amount`",
                )
                .label("invalid range")
                .help("write `min: …` and `max: …`");
                return None;
            }
            (_, Some(amount), None, None) => Amount::Single(amount),
            _ => {
                self.error(
                    "E017",
                    &at,
                    "salary.figures.amount",
                    "this figure needs exactly one `amount` (use `kind: range` for `min`/`max`)",
                )
                .label("no single amount")
                .help("write `amount: …`");
                return None;
            }
        };
        if match amount {
            Amount::Single(a) => a <= 0.0,
            Amount::Range { min, .. } => min <= 0.0,
        } {
            self.error(
                "E017",
                &at,
                "salary.figures.amount",
                "a salary figure must be more than zero",
            )
            .label("not a pay figure");
        }
        Some(SalaryFigure {
            kind: f.kind,
            amount,
            currency: f.currency,
            period: f.period,
            year: f.year,
            scope: f.scope,
            attributed_to: f.attributed_to,
            sources,
        })
    }

    fn pay_band(&mut self, b: Spanned<RawPayBand>) -> Option<PayBand> {
        let at = b.referenced;
        let b = b.value;
        self.check_currency(&b.currency, &at, "salary.band.currency");
        if !(b.min > 0.0 && b.min <= b.max) {
            self.error(
                "E017",
                &at,
                "salary.band",
                format!("the pay band {}–{} is not a valid range", b.min, b.max),
            )
            .label("invalid band")
            .help("`min` must be more than zero and not more than `max`");
            return None;
        }
        Some(PayBand { min: b.min, max: b.max, currency: b.currency, period: b.period })
    }

    fn check_currency(&mut self, currency: &str, at: &Location, field: &str) {
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            self.error("E019", at, field, format!("`{currency}` is not an ISO 4217 currency code"))
                .label("not a currency code")
                .help("use three capital letters, e.g. `USD` or `EUR`");
        }
    }
}
