//! Render stage, data for templates: view structs built from domain roles.
//!
//! Templates never see domain types. Every text arrives here already rendered for both outputs:
//! `html` (sanitised, safe to print unescaped) and `md` (Markdown with raw HTML escaped). Plain
//! values (titles, names) are left for Tera to escape. Numbers and money are formatted here, the
//! same on every machine and locale.

use crate::markdown;
use crate::model::*;
use serde::Serialize;

/// A text in both output forms.
#[derive(Debug, Clone, Serialize)]
pub struct Text {
    pub html: String,
    pub md: String,
}

impl Text {
    fn inline(text: &str) -> Text {
        Text { html: markdown::inline_html(text), md: markdown::markdown(text, true) }
    }
    fn block(text: &str) -> Text {
        Text { html: markdown::block_html(text), md: markdown::markdown(text, false) }
    }
}

/// A citation: the source's number in the role's source list, and its id for the anchor.
#[derive(Debug, Clone, Serialize)]
pub struct Cite {
    pub n: usize,
    pub id: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub text: Text,
    pub cites: Vec<Cite>,
}

/// Paragraphs (block Markdown) with the sources they draw on.
#[derive(Debug, Clone, Serialize)]
pub struct BlockView {
    pub text: Text,
    pub cites: Vec<Cite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub title: Option<String>,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FactView {
    pub label: &'static str,
    pub value: String,
    pub cites: Vec<Cite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CertificationView {
    pub name: Text,
    pub kind: &'static str,
    pub issuer: Option<String>,
    pub requirement: Option<&'static str>,
    pub cites: Vec<Cite>,
    pub details: Vec<ItemView>,
    pub prerequisites: Vec<ItemView>,
    pub exam: Vec<ItemView>,
    pub renewal: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FaqView {
    pub question: Text,
    pub answer: Text,
    pub cites: Vec<Cite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub n: usize,
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// The URL percent-encoded so it cannot end a Markdown link early or start markup.
    pub url_md: Option<String>,
    pub note: Option<String>,
}

/// A section of items under a heading, e.g. working conditions › Hours.
#[derive(Debug, Clone, Serialize)]
pub struct ListView {
    pub title: &'static str,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RelatedView {
    pub id: String,
    pub title: String,
}

/// One open opening, as listing pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct OpeningSummary {
    pub id: String,
    pub title: String,
    pub role_id: String,
    pub place: String,
    pub remote: bool,
    pub pay: Option<String>,
    pub employment_type: Option<&'static str>,
    #[serde(skip)]
    pub employment: Option<EmploymentType>,
    pub date_posted: String,
}

/// One open opening in the feeds. `*_cdata` values are already wrapped in CDATA sections.
#[derive(Debug, Clone, Serialize)]
pub struct FeedEntry {
    pub id: String,
    pub title: String,
    pub place: String,
    /// Absolute when `site.base_url` is set; relative otherwise.
    pub url: String,
    /// An absolute IRI for Atom's `<id>`: the URL, or a `tag:` URI without a base URL.
    pub atom_id: String,
    pub date_posted: String,
    pub summary: String,
    pub title_cdata: String,
    pub description_cdata: String,
    pub company_cdata: String,
    pub url_cdata: String,
    pub id_cdata: String,
    pub date_cdata: String,
    pub city_cdata: Option<String>,
    pub state_cdata: Option<String>,
    pub country_cdata: Option<String>,
    pub postal_code_cdata: Option<String>,
    pub street_cdata: Option<String>,
    pub salary_cdata: Option<String>,
    pub job_type_cdata: Option<String>,
    pub email_cdata: Option<String>,
    pub remote: bool,
}

/// `text` as a CDATA section; a `]]>` inside is split so it cannot end the section early.
pub fn cdata(text: &str) -> String {
    format!("<![CDATA[{}]]>", text.replace("]]>", "]]]]><![CDATA[>"))
}

pub fn feed_entry(
    opening: &crate::posting::Opening<'_>,
    posting: &PostingView,
    description_html: &str,
    settings: &crate::settings::Settings,
) -> FeedEntry {
    let o = &posting.opening;
    let path = format!("jobs/{}.html", o.id);
    let url = match &settings.base_url {
        Some(base) => format!("{base}{path}"),
        None => path,
    };
    let atom_id = match &settings.base_url {
        Some(_) => url.clone(),
        None => format!("tag:jobgen,2026:{}", o.id),
    };
    let company = posting.organization.clone().unwrap_or_else(|| settings.title.clone());
    let (city, state, country, postal, street) = match opening.place {
        crate::posting::Place::Onsite(l) => (
            l.city.clone(),
            l.region.clone(),
            Some(l.country.clone()),
            l.postal_code.clone(),
            l.street.clone(),
        ),
        crate::posting::Place::Remote(r) => (None, None, r.countries.first().cloned(), None, None),
    };
    let wrap = |v: Option<String>| v.map(|v| cdata(&v));
    FeedEntry {
        id: o.id.clone(),
        title: o.title.clone(),
        place: o.place.clone(),
        atom_id,
        date_posted: o.date_posted.clone(),
        summary: match &o.pay {
            Some(pay) => format!("{} · {pay}", o.place),
            None => o.place.clone(),
        },
        title_cdata: cdata(&o.title),
        description_cdata: cdata(description_html),
        company_cdata: cdata(&company),
        url_cdata: cdata(&url),
        url,
        id_cdata: cdata(&o.id),
        date_cdata: cdata(&o.date_posted),
        city_cdata: wrap(city),
        state_cdata: wrap(state),
        country_cdata: wrap(country),
        postal_code_cdata: wrap(postal),
        street_cdata: wrap(street),
        salary_cdata: wrap(o.pay.clone()),
        job_type_cdata: o.employment.map(|t| cdata(indeed_job_type(t))),
        email_cdata: wrap(posting.apply_email.clone()),
        remote: o.remote,
    }
}

fn indeed_job_type(t: EmploymentType) -> &'static str {
    match t {
        EmploymentType::FullTime => "fulltime",
        EmploymentType::PartTime => "parttime",
        EmploymentType::Contract => "contract",
        EmploymentType::Temporary => "temporary",
        EmploymentType::Intern => "internship",
        EmploymentType::PerDiem => "perdiem",
        EmploymentType::Volunteer => "volunteer",
        EmploymentType::Other => "other",
    }
}

/// Everything a posting page shows: the opening's facts and the role's description.
#[derive(Debug, Clone, Serialize)]
pub struct PostingView {
    pub opening: OpeningSummary,
    pub role_title: String,
    pub valid_through: Option<String>,
    pub apply_url: Option<String>,
    /// The apply URL percent-encoded for a Markdown link.
    pub apply_url_md: Option<String>,
    pub apply_email: Option<String>,
    pub organization: Option<String>,
    pub eeo_statement: Option<String>,
    pub summary: Option<Text>,
    pub duties: Vec<GroupView>,
    pub requirements: Vec<ItemView>,
    pub skills: Vec<ItemView>,
    pub knowledge: Vec<ItemView>,
    pub certifications: Vec<ItemView>,
    pub working_conditions: Vec<ListView>,
    pub benefits: Vec<ItemView>,
}

/// Everything a job-description page shows. Empty lists and `None` mean "hide the section".
#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub family: String,
    pub summary: Option<BlockView>,
    /// One-line description for `<meta name="description">` and listings.
    pub description: String,
    pub facts: Vec<FactView>,
    pub duties: Vec<GroupView>,
    pub skills: Vec<ItemView>,
    pub knowledge: Vec<ItemView>,
    pub education: Vec<ListView>,
    pub experience: Vec<ListView>,
    pub certifications: Vec<CertificationView>,
    pub pay_band: Option<String>,
    pub salary_figures: Vec<ItemView>,
    pub outlook: Vec<ItemView>,
    pub working_conditions: Vec<ListView>,
    pub settings: Vec<ItemView>,
    pub supervises: Vec<ItemView>,
    pub advancement: Vec<ItemView>,
    pub faq: Vec<FaqView>,
    pub related: Vec<RelatedView>,
    pub similar_occupations: Vec<ItemView>,
    pub sources: Vec<SourceView>,
    /// Open postings of this role.
    pub openings: Vec<OpeningSummary>,
}

/// A light summary of a role for listing pages: never the rendered page itself.
#[derive(Debug, Clone, Serialize)]
pub struct RoleSummary {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FamilyView {
    pub name: String,
    pub roles: Vec<RoleSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndexView {
    pub openings: Vec<OpeningSummary>,
    pub families: Vec<FamilyView>,
    pub role_count: usize,
}

pub fn role_view(role: &Role, catalog: &Catalog, openings: &[OpeningSummary]) -> RoleView {
    let cx = CiteCx { sources: &role.sources };
    let items = |items: &[Item]| items.iter().map(|i| cx.item(i)).collect::<Vec<_>>();
    let list = |title: &'static str, list: &[Item]| ListView { title, items: items(list) };
    let non_empty =
        |lists: Vec<ListView>| lists.into_iter().filter(|l| !l.items.is_empty()).collect();

    let mut facts = Vec::new();
    if let Some(o) = &role.occupation {
        let mut value = format!("{} {}", o.system, o.code);
        if let Some(title) = &o.title {
            value.push_str(&format!(" ({title})"));
        }
        facts.push(FactView { label: "Occupation code", value, cites: cx.cites(&o.sources) });
    }
    if let Some(t) = role.employment_type {
        facts.push(FactView {
            label: "Employment type",
            value: employment_type_name(t).to_owned(),
            cites: vec![],
        });
    }
    if let Some(f) = role.flsa {
        let value = match f {
            Flsa::Exempt => "Exempt",
            Flsa::NonExempt => "Non-exempt (paid overtime)",
        };
        facts.push(FactView { label: "FLSA status", value: value.to_owned(), cites: vec![] });
    }
    if let Some(r) = &role.reports_to {
        facts.push(FactView {
            label: "Reports to",
            value: markdown::plain_text(&r.text),
            cites: cx.cites(&r.sources),
        });
    }

    let mut education = Vec::new();
    if let Some(e) = &role.education {
        let mut levels = Vec::new();
        if let Some(min) = e.minimum {
            levels.push(Item {
                text: format!("Minimum: {}", education_name(min)),
                sources: e.sources.clone(),
            });
        }
        if let Some(pref) = e.preferred {
            levels.push(Item {
                text: format!("Preferred: {}", education_name(pref)),
                sources: e.sources.clone(),
            });
        }
        education = non_empty(vec![
            list("Level", &levels),
            list("Fields of study", &e.fields),
            list("Useful courses", &e.courses),
            list("Details", &e.details),
        ]);
    }
    let mut experience = Vec::new();
    if let Some(e) = &role.experience {
        let mut years = Vec::new();
        if let Some(y) = e.minimum_years {
            years.push(Item {
                text: format!("Minimum: {}", years_text(y)),
                sources: e.sources.clone(),
            });
        }
        if let Some(y) = e.preferred_years {
            years.push(Item {
                text: format!("Preferred: {}", years_text(y)),
                sources: e.sources.clone(),
            });
        }
        experience = non_empty(vec![list("Years", &years), list("Details", &e.details)]);
    }

    let wc = &role.working_conditions;
    RoleView {
        id: role.id.clone(),
        title: role.title.clone(),
        aliases: role.aliases.clone(),
        family: role.family.clone(),
        summary: role
            .summary
            .as_ref()
            .map(|s| BlockView { text: Text::block(&s.text), cites: cx.cites(&s.sources) }),
        description: description(role),
        facts,
        duties: role
            .duties
            .iter()
            .map(|g| GroupView { title: g.title.clone(), items: items(&g.items) })
            .collect(),
        skills: items(&role.skills),
        knowledge: items(&role.knowledge),
        education,
        experience,
        certifications: role
            .certifications
            .iter()
            .map(|c| CertificationView {
                name: Text::inline(&c.name),
                kind: match c.kind {
                    CredentialKind::Certification => "Certification",
                    CredentialKind::License => "License",
                },
                issuer: c.issuer.clone(),
                requirement: c.requirement.map(|r| match r {
                    Requirement::Required => "Required",
                    Requirement::Preferred => "Preferred",
                    Requirement::Optional => "Optional",
                }),
                cites: cx.cites(&c.sources),
                details: items(&c.details),
                prerequisites: items(&c.prerequisites),
                exam: items(&c.exam),
                renewal: items(&c.renewal),
            })
            .collect(),
        pay_band: role.pay_band.as_ref().map(|b| pay_text(b.min, b.max, &b.currency, b.period)),
        salary_figures: role
            .salary_figures
            .iter()
            .map(|f| cx.item(&Item { text: salary_text(f), sources: f.sources.clone() }))
            .collect(),
        outlook: role
            .outlook
            .iter()
            .map(|g| cx.item(&Item { text: growth_text(g), sources: g.sources.clone() }))
            .collect(),
        working_conditions: non_empty(vec![
            list("Hours", &wc.hours),
            list("Overtime", &wc.overtime),
            list("Environment", &wc.environment),
        ]),
        settings: items(&role.settings),
        supervises: items(&role.supervises),
        advancement: items(&role.advancement),
        faq: role
            .faq
            .iter()
            .map(|f| FaqView {
                question: Text::inline(&f.question),
                answer: Text::block(&f.answer),
                cites: cx.cites(&f.sources),
            })
            .collect(),
        related: role
            .related
            .iter()
            .filter_map(|r| catalog.role(&r.id))
            .map(|r| RelatedView { id: r.id.clone(), title: r.title.clone() })
            .collect(),
        similar_occupations: items(&role.similar_occupations),
        sources: role
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| SourceView {
                n: i + 1,
                id: s.id.clone(),
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                author: s.author.clone(),
                date: s.date.clone(),
                url: s.url.clone(),
                url_md: s.url.as_deref().map(markdown_url),
                note: s.note.clone(),
            })
            .collect(),
        openings: openings.iter().filter(|o| o.role_id == role.id).cloned().collect(),
    }
}

pub fn opening_summary(opening: &crate::posting::Opening<'_>, role: &Role) -> OpeningSummary {
    let posting = opening.posting;
    OpeningSummary {
        id: opening.id.clone(),
        title: posting.title.clone().unwrap_or_else(|| role.title.clone()),
        role_id: role.id.clone(),
        place: crate::posting::place_text(opening.place),
        remote: matches!(opening.place, crate::posting::Place::Remote(_)),
        pay: opening.pay().map(|p| pay_text(p.min, p.max, &p.currency, p.period)),
        employment_type: posting.employment_type.or(role.employment_type).map(employment_type_name),
        employment: posting.employment_type.or(role.employment_type),
        date_posted: posting.date_posted.to_string(),
    }
}

/// The view of one opening's page. Citations are the job description's business: the posting
/// shows the role's content without them.
pub fn posting_view(
    opening: &crate::posting::Opening<'_>,
    role: &Role,
    settings: &crate::settings::Settings,
) -> PostingView {
    let posting = opening.posting;
    let role_view = role_view(role, &Catalog::default(), &[]);
    let plain = |items: &[Item]| -> Vec<ItemView> {
        items.iter().map(|i| ItemView { text: Text::inline(&i.text), cites: vec![] }).collect()
    };
    let mut duties = role_view.duties;
    if !posting.duties.is_empty() {
        duties.push(GroupView {
            title: Some("In this position".to_owned()),
            items: plain(&posting.duties),
        });
    }
    let mut requirements = Vec::new();
    if let Some(level) = role.education.as_ref().and_then(|e| e.minimum) {
        requirements
            .push(Item { text: format!("Education: {}", education_name(level)), sources: vec![] });
    }
    if let Some(years) = role.experience.as_ref().and_then(|e| e.minimum_years) {
        requirements
            .push(Item { text: format!("Experience: {}", years_text(years)), sources: vec![] });
    }
    requirements.extend(posting.requirements.iter().cloned());
    let certifications = role
        .certifications
        .iter()
        .map(|c| {
            let need = match c.requirement {
                Some(Requirement::Required) => " (required)",
                Some(Requirement::Preferred) => " (preferred)",
                _ => "",
            };
            Item { text: format!("{}{need}", c.name), sources: vec![] }
        })
        .collect::<Vec<_>>();
    let benefits = if posting.benefits.is_empty() {
        settings.benefits.iter().map(|b| Item { text: b.clone(), sources: vec![] }).collect()
    } else {
        posting.benefits.clone()
    };
    let apply_url =
        posting.apply_url.clone().or_else(|| settings.apply.as_ref().and_then(|a| a.url.clone()));
    let strip = |items: Vec<ItemView>| -> Vec<ItemView> {
        items.into_iter().map(|i| ItemView { cites: vec![], ..i }).collect()
    };
    PostingView {
        opening: opening_summary(opening, role),
        role_title: role.title.clone(),
        valid_through: posting.valid_through.map(|d| d.to_string()),
        apply_url_md: apply_url.as_deref().map(markdown_url),
        apply_url,
        apply_email: posting
            .apply_email
            .clone()
            .or_else(|| settings.apply.as_ref().and_then(|a| a.email.clone())),
        organization: settings.organization.as_ref().map(|o| o.name.clone()),
        eeo_statement: settings.eeo_statement.clone(),
        summary: role_view.summary.map(|s| s.text),
        duties: duties.into_iter().map(|g| GroupView { items: strip(g.items), ..g }).collect(),
        requirements: plain(&requirements),
        skills: strip(role_view.skills),
        knowledge: strip(role_view.knowledge),
        certifications: plain(&certifications),
        working_conditions: role_view
            .working_conditions
            .into_iter()
            .map(|l| ListView { items: strip(l.items), ..l })
            .collect(),
        benefits: plain(&benefits),
    }
}

pub fn role_summary(role: &Role) -> RoleSummary {
    RoleSummary {
        id: role.id.clone(),
        title: role.title.clone(),
        aliases: role.aliases.clone(),
        description: description(role),
    }
}

/// Roles grouped by family; families and roles sorted by name, then id.
pub fn index_view(catalog: &Catalog, openings: &[OpeningSummary]) -> IndexView {
    let mut families: Vec<FamilyView> = Vec::new();
    let mut roles: Vec<&Role> = catalog.roles.iter().collect();
    roles.sort_by(|a, b| (&a.family, &a.title, &a.id).cmp(&(&b.family, &b.title, &b.id)));
    for role in roles {
        match families.last_mut() {
            Some(f) if f.name == role.family => f.roles.push(role_summary(role)),
            _ => families
                .push(FamilyView { name: role.family.clone(), roles: vec![role_summary(role)] }),
        }
    }
    IndexView { openings: openings.to_vec(), families, role_count: catalog.roles.len() }
}

/// The first sentence of the summary as plain text, for meta descriptions and listings.
fn description(role: &Role) -> String {
    let Some(summary) = &role.summary else { return String::new() };
    let plain = markdown::plain_text(&summary.text);
    match plain.find(". ") {
        Some(end) => plain[..=end].to_owned(),
        None => plain,
    }
}

struct CiteCx<'a> {
    sources: &'a [Source],
}

impl CiteCx<'_> {
    fn cites(&self, ids: &[String]) -> Vec<Cite> {
        let mut cites: Vec<Cite> = ids
            .iter()
            .filter_map(|id| {
                self.sources
                    .iter()
                    .position(|s| &s.id == id)
                    .map(|i| Cite { n: i + 1, id: id.clone() })
            })
            .collect();
        cites.sort_by_key(|c| c.n);
        cites
    }

    fn item(&self, item: &Item) -> ItemView {
        ItemView { text: Text::inline(&item.text), cites: self.cites(&item.sources) }
    }
}

pub fn employment_type_name(t: EmploymentType) -> &'static str {
    match t {
        EmploymentType::FullTime => "Full-time",
        EmploymentType::PartTime => "Part-time",
        EmploymentType::Contract => "Contract",
        EmploymentType::Temporary => "Temporary",
        EmploymentType::Intern => "Internship",
        EmploymentType::PerDiem => "Per diem",
        EmploymentType::Volunteer => "Volunteer",
        EmploymentType::Other => "Other",
    }
}

pub fn education_name(level: EducationLevel) -> &'static str {
    match level {
        EducationLevel::None => "No formal education required",
        EducationLevel::HighSchool => "High school diploma or equivalent",
        EducationLevel::PostsecondaryCertificate => "Postsecondary certificate",
        EducationLevel::Associate => "Associate's degree",
        EducationLevel::Bachelor => "Bachelor's degree",
        EducationLevel::Master => "Master's degree",
        EducationLevel::Doctorate => "Doctoral degree",
    }
}

pub fn period_name(period: PayPeriod) -> &'static str {
    match period {
        PayPeriod::Hour => "hour",
        PayPeriod::Day => "day",
        PayPeriod::Week => "week",
        PayPeriod::Month => "month",
        PayPeriod::Year => "year",
    }
}

fn figure_kind_name(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Median => "Median",
        FigureKind::Average => "Average",
        FigureKind::Mean => "Mean",
        FigureKind::Minimum => "Minimum",
        FigureKind::Maximum => "Maximum",
        FigureKind::Range => "Range",
        FigureKind::Percentile => "Percentile",
    }
}

/// "Median: $99,730 per year (2018), medical and health services managers; U.S. Bureau of
/// Labor Statistics" — Markdown-safe: scope and attribution are escaped.
fn salary_text(f: &SalaryFigure) -> String {
    let amount = match f.amount {
        Amount::Single(a) => money(a, &f.currency),
        Amount::Range { min, max } => money_range(min, max, &f.currency),
    };
    let mut text =
        format!("**{}:** {} per {}", figure_kind_name(f.kind), amount, period_name(f.period));
    if let Some(year) = f.year {
        text.push_str(&format!(" ({year})"));
    }
    append_context(&mut text, f.scope.as_deref(), f.attributed_to.as_deref(), None);
    text
}

fn growth_text(g: &Growth) -> String {
    let mut text = format!("**{}% growth**", number(g.percent));
    if let Some(period) = &g.period {
        text.push_str(&format!(" ({})", escape_md(&year_range(period))));
    }
    append_context(&mut text, g.scope.as_deref(), g.attributed_to.as_deref(), g.note.as_deref());
    text
}

/// `2018-2028` → `2018–2028`; other text unchanged.
fn year_range(period: &str) -> String {
    match period.split_once('-') {
        Some((a, b))
            if [a, b].iter().all(|y| y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit())) =>
        {
            format!("{a}–{b}")
        }
        _ => period.to_owned(),
    }
}

fn append_context(
    text: &mut String,
    scope: Option<&str>,
    attributed: Option<&str>,
    note: Option<&str>,
) {
    if let Some(scope) = scope {
        text.push_str(&format!(" — {}", escape_md(scope)));
    }
    if let Some(by) = attributed {
        text.push_str(&format!(" (according to {})", escape_md(by)));
    }
    if let Some(note) = note {
        text.push_str(&format!(". {}", escape_md(note)));
    }
}

/// Percent-encodes every character outside RFC 3986's set except parentheses, so the URL can
/// stand as a Markdown link destination: `[title](url)`.
fn markdown_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'*+,;=%".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Escapes what Markdown would read as markup in a plain value spliced into Markdown text.
fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn years_text(years: f64) -> String {
    if years == 1.0 { "1 year".to_owned() } else { format!("{} years", number(years)) }
}

/// `$62,000 – $78,000 per year`, or `$22 per hour` when min and max are equal.
pub fn pay_text(min: f64, max: f64, currency: &str, period: PayPeriod) -> String {
    format!("{} per {}", money_range(min, max, currency), period_name(period))
}

fn money_range(min: f64, max: f64, currency: &str) -> String {
    if min == max {
        money(min, currency)
    } else {
        format!("{} – {}", money(min, currency), money(max, currency))
    }
}

/// `49515` → `$49,515`; `20.5` → `$20.50`; other currencies by code: `EUR 1,200`.
pub fn money(amount: f64, currency: &str) -> String {
    let symbol = match currency {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        _ => "",
    };
    let digits = if amount.fract() == 0.0 {
        grouped(amount as u64)
    } else {
        let cents = (amount * 100.0).round() as u64;
        format!("{}.{:02}", grouped(cents / 100), cents % 100)
    };
    if symbol.is_empty() { format!("{currency} {digits}") } else { format!("{symbol}{digits}") }
}

/// A number without needless decimals: `18` → `18`, `2.5` → `2.5`.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 { format!("{}", n as i64) } else { format!("{n}") }
}

fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_cannot_break_out_of_a_markdown_link() {
        assert_eq!(
            markdown_url("https://a.example/x_(y)?q=1&r=é"),
            "https://a.example/x_%28y%29?q=1&r=%C3%A9"
        );
        assert_eq!(markdown_url("https://a.example/\"><b>"), "https://a.example/%22%3E%3Cb%3E");
    }

    #[test]
    fn money_is_formatted_the_same_everywhere() {
        assert_eq!(money(49515.0, "USD"), "$49,515");
        assert_eq!(money(1_234_567.0, "EUR"), "€1,234,567");
        assert_eq!(money(20.5, "USD"), "$20.50");
        assert_eq!(money(900.0, "CHF"), "CHF 900");
        assert_eq!(number(18.0), "18");
        assert_eq!(number(2.5), "2.5");
    }
}
