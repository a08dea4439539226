//! Writes a deterministic synthetic jobgen project, for benchmarks.
//!
//! ```text
//! cargo run --release --example synth -- <N> <DIR>
//! ```
//!
//! writes `DIR/roles/role-00001.yaml` … `DIR/roles/role-<N>.yaml`. Every role is valid (it
//! passes `jobgen check` with no diagnostics) and shaped like a real one: duty groups, skills,
//! education, certifications, salary figures, outlook, FAQ with Markdown, related roles and
//! cited sources, about 650–950 words of text each. The text is pseudo-text from a fixed word
//! list, driven by a small LCG seeded by the role number: the same N always gives the same
//! bytes, on every machine.
//!
//! `benches/build.rs` includes this file as a module and calls [`write_project`].

use std::fmt::Write as _;
use std::path::Path;

/// The largest N: role ids have five digits.
pub const MAX_ROLES: usize = 99_999;

/// Job families, cycled through by role number.
const FAMILIES: &[(&str, &str, &str)] = &[
    // (family, domain word for titles, O*NET-SOC major group)
    ("Healthcare administration", "Clinic", "11"),
    ("Finance and accounting", "Accounts", "13"),
    ("Information technology", "Systems", "15"),
    ("Engineering", "Project", "17"),
    ("Education and training", "Training", "25"),
    ("Sales and marketing", "Marketing", "41"),
    ("Office and administrative support", "Office", "43"),
    ("Logistics and operations", "Warehouse", "53"),
];

const RANKS: &[&str] =
    &["Senior", "Junior", "Lead", "Associate", "Principal", "Assistant", "Regional", "Staff"];

const ROLE_NOUNS: &[&str] = &[
    "Coordinator",
    "Specialist",
    "Manager",
    "Analyst",
    "Technician",
    "Administrator",
    "Supervisor",
    "Officer",
    "Planner",
    "Consultant",
];

const VERBS: &[&str] = &[
    "review",
    "prepare",
    "coordinate",
    "maintain",
    "track",
    "schedule",
    "monitor",
    "approve",
    "organize",
    "update",
    "train",
    "support",
    "document",
    "evaluate",
    "reconcile",
    "plan",
    "process",
    "report",
    "audit",
    "manage",
    "assign",
    "resolve",
    "verify",
    "negotiate",
];

const ADJECTIVES: &[&str] = &[
    "daily",
    "weekly",
    "quarterly",
    "annual",
    "regional",
    "internal",
    "external",
    "accurate",
    "timely",
    "detailed",
    "routine",
    "complex",
    "confidential",
    "new",
    "existing",
    "shared",
    "local",
    "written",
    "safe",
    "efficient",
];

const NOUNS: &[&str] = &[
    "records",
    "schedules",
    "budgets",
    "reports",
    "contracts",
    "vendors",
    "invoices",
    "staff",
    "policies",
    "procedures",
    "requests",
    "accounts",
    "inventory",
    "supplies",
    "customers",
    "projects",
    "equipment",
    "files",
    "orders",
    "payments",
    "forms",
    "meetings",
    "audits",
    "systems",
    "claims",
    "deadlines",
    "teams",
    "documents",
    "training",
    "standards",
];

const LINKS: &[&str] = &["for", "with", "across", "within", "under", "between", "through"];

const SKILLS: &[&str] = &[
    "Written communication",
    "Active listening",
    "Time management",
    "Attention to detail",
    "Problem solving",
    "Spreadsheet software",
    "Conflict resolution",
    "Customer service",
    "Critical thinking",
    "Team leadership",
    "Data entry",
    "Negotiation",
    "Report writing",
    "Project planning",
    "Budget control",
    "Scheduling software",
];

const LEVELS: &[&str] =
    &["high_school", "postsecondary_certificate", "associate", "bachelor", "master", "doctorate"];

const PUBLISHERS: &[&str] = &[
    "Bureau of Labor Statistics",
    "National Careers Service",
    "Industry Salary Survey",
    "Occupational Handbook Press",
    "Career Guide Online",
];

/// A 64-bit linear congruential generator (Knuth's MMIX constants).
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        let mut lcg = Lcg(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x2545_F491_4F6C_DD1D);
        lcg.next_u32();
        lcg
    }

    pub fn next_u32(&mut self) -> u32 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.next_u32() as usize % (hi - lo + 1)
    }

    pub fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.next_u32() as usize % list.len()]
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// One role file being written, with the count of words of text in it.
struct Writer {
    rng: Lcg,
    out: String,
    words: usize,
}

impl Writer {
    /// A lowercase clause of about `len` words: verb, noun phrase, and linked noun phrases.
    fn clause(&mut self, len: usize) -> String {
        let mut words = vec![self.rng.pick(VERBS)];
        while words.len() < len {
            if words.len() > 1 && words.len() + 3 <= len && self.rng.range(0, 2) == 0 {
                words.push(if self.rng.range(0, 1) == 0 { "and" } else { self.rng.pick(LINKS) });
            }
            if self.rng.range(0, 1) == 0 {
                words.push(self.rng.pick(ADJECTIVES));
            }
            words.push(self.rng.pick(NOUNS));
        }
        words.join(" ")
    }

    /// An item's text: a capitalized clause, sometimes with a figure in it.
    fn item_text(&mut self, lo: usize, hi: usize) -> String {
        let len = self.rng.range(lo, hi);
        let mut text = capitalize(&self.clause(len));
        if self.rng.range(0, 5) == 0 {
            let n = self.rng.range(2, 40);
            write!(text, " at least {n} times a month").unwrap();
        }
        text
    }

    /// A paragraph of `sentences` sentences, with some inline Markdown.
    fn paragraph(&mut self, sentences: usize, width: usize) -> String {
        let mut para = Vec::new();
        for _ in 0..sentences {
            let len = self.rng.range(8, 14);
            let mut s = capitalize(&self.clause(len));
            match self.rng.range(0, 7) {
                0 => s.push_str(&format!(" with *{}* care", self.rng.pick(ADJECTIVES))),
                1 => s.push_str(&format!(
                    " and **{}** {}",
                    self.rng.pick(VERBS),
                    self.rng.pick(NOUNS)
                )),
                _ => {}
            }
            s.push('.');
            para.push(s);
        }
        wrap(&para.join(" "), width)
    }

    fn count(&mut self, text: &str) {
        self.words +=
            text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    }

    fn line(&mut self, indent: usize, line: &str) {
        for _ in 0..indent {
            self.out.push(' ');
        }
        self.out.push_str(line);
        self.out.push('\n');
    }

    /// `key: value`, counting the value's words.
    fn field(&mut self, indent: usize, key: &str, value: &str) {
        self.count(value);
        self.line(indent, &format!("{key}: {value}"));
    }

    /// A list item, plain or `{text, source}`. `dash` is the indent of the `-`.
    fn item(&mut self, dash: usize, text: &str, source: Option<&str>) {
        self.count(text);
        match source {
            None => self.line(dash, &format!("- {text}")),
            Some(source) => {
                self.line(dash, &format!("- text: {text}"));
                self.line(dash + 2, &format!("source: {source}"));
            }
        }
    }

    /// `key:` followed by `n` generated items, each with a source.
    fn items(&mut self, indent: usize, key: &str, n: usize, lo: usize, hi: usize) {
        self.line(indent, &format!("{key}:"));
        for _ in 0..n {
            let text = self.item_text(lo, hi);
            let source = self.source_ref();
            self.item(indent + 2, &text, Some(&source));
        }
    }

    /// `a`, `b`, or `[a, b]`.
    fn source_ref(&mut self) -> String {
        match self.rng.range(0, 4) {
            0 | 1 => SOURCE_A.to_owned(),
            2 | 3 => SOURCE_B.to_owned(),
            _ => format!("[{SOURCE_A}, {SOURCE_B}]"),
        }
    }

    /// `key: |` and an indented block of Markdown text.
    fn block(&mut self, indent: usize, key: &str, text: &str) {
        self.count(text);
        self.line(indent, &format!("{key}: |"));
        for l in text.lines() {
            if l.is_empty() {
                self.out.push('\n');
            } else {
                self.line(indent + 2, l);
            }
        }
    }
}

const SOURCE_A: &str = "handbook-2023";
const SOURCE_B: &str = "salary-survey-2022";

/// Greedy word wrap to `width` columns, keeping blank lines between paragraphs.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    for word in text.split(' ') {
        if col > 0 && col + 1 + word.len() > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += word.len();
    }
    out
}

/// The id of role number `i` (1-based).
pub fn role_id(i: usize) -> String {
    format!("role-{i:05}")
}

/// The text of role number `i` of `n`, and the count of words of text in it.
pub fn role_yaml(i: usize, n: usize) -> (String, usize) {
    assert!((1..=n).contains(&i) && n <= MAX_ROLES, "role {i} of {n} is out of range");
    let mut w = Writer { rng: Lcg::new(i as u64), out: String::with_capacity(8 * 1024), words: 0 };
    let (family, domain, major) = FAMILIES[(i - 1) % FAMILIES.len()];
    let rank = w.rng.pick(RANKS);
    let noun = w.rng.pick(ROLE_NOUNS);
    let title = format!("{rank} {domain} {noun}");

    w.field(0, "title", &title);
    w.line(0, "aliases:");
    let alias_noun = w.rng.pick(ROLE_NOUNS);
    w.item(2, &format!("{domain} {noun}"), None);
    w.item(2, &format!("{domain} Operations {alias_noun}"), None);
    w.field(0, "family", family);

    w.line(0, "occupation:");
    w.line(2, "system: O*NET-SOC");
    let code = format!("{major}-{:04}.00", 1000 + (i * 37) % 9000);
    w.line(2, &format!("code: \"{code}\""));
    w.field(2, "title", &format!("{domain} {noun}s"));
    w.line(2, &format!("source: {SOURCE_A}"));

    w.line(0, "summary:");
    let article = if title.starts_with(['A', 'E', 'I', 'O', 'U']) { "An" } else { "A" };
    let duty = w.clause(6);
    let mut summary =
        format!("{article} {title} works in {} and is hired to {duty}.", family.to_lowercase());
    summary.push(' ');
    summary.push_str(&w.paragraph(3, 1000));
    let summary = wrap(&summary, 94);
    let second = w.paragraph(3, 94);
    w.block(2, "text", &format!("{summary}\n\n{second}"));
    w.line(2, &format!("source: [{SOURCE_A}, {SOURCE_B}]"));

    w.line(0, "reports_to:");
    w.line(2, &format!("text: {domain} Director"));
    w.count("Director");
    w.line(2, &format!("source: {SOURCE_A}"));
    w.items(0, "settings", 2, 3, 5);
    w.line(0, &format!("employment_type: {}", ["full_time", "part_time", "contract"][i % 3]));
    w.line(0, &format!("flsa: {}", if i.is_multiple_of(2) { "exempt" } else { "non_exempt" }));

    w.line(0, "duties:");
    for group in ["Operations", "People and communication", "Reporting and compliance"] {
        w.field(2, "- group", group);
        w.items(4, "items", 6, 7, 12);
    }

    w.line(0, "skills:");
    let start = w.rng.range(0, SKILLS.len() - 1);
    for k in 0..10 {
        let skill = SKILLS[(start + k) % SKILLS.len()];
        let source = (k % 3 != 0).then(|| w.source_ref());
        w.item(2, skill, source.as_deref());
    }
    w.line(0, "knowledge:");
    for _ in 0..8 {
        let text = capitalize(&format!(
            "{} {} and {}",
            w.rng.pick(ADJECTIVES),
            w.rng.pick(NOUNS),
            w.rng.pick(NOUNS)
        ));
        let source = w.source_ref();
        w.item(2, &text, Some(&source));
    }

    w.line(0, "education:");
    let min = w.rng.range(0, 3);
    let pref = w.rng.range(min, LEVELS.len() - 1);
    w.line(2, &format!("minimum: {}", LEVELS[min]));
    w.line(2, &format!("preferred: {}", LEVELS[pref]));
    w.line(2, &format!("source: {SOURCE_A}"));
    w.line(2, "fields:");
    for _ in 0..3 {
        let text = capitalize(&format!("{} {}", w.rng.pick(ADJECTIVES), w.rng.pick(NOUNS)));
        w.item(4, &format!("{text} management"), Some(SOURCE_A));
    }
    w.line(2, "courses:");
    for _ in 0..4 {
        let text = format!("Introduction to {} {}", w.rng.pick(NOUNS), w.rng.pick(NOUNS));
        w.item(4, &text, None);
    }
    w.items(2, "details", 1, 10, 14);

    w.line(0, "experience:");
    let min_years = w.rng.range(0, 4);
    w.line(2, &format!("minimum_years: {min_years}"));
    let pref_years = min_years + w.rng.range(1, 4);
    w.line(2, &format!("preferred_years: {pref_years}"));
    w.line(2, &format!("source: {SOURCE_B}"));
    w.items(2, "details", 2, 8, 12);

    w.line(0, "certifications:");
    for (k, kind) in ["certification", "license"].into_iter().enumerate() {
        let cert_noun = if k == 0 { noun } else { w.rng.pick(ROLE_NOUNS) };
        let name = format!("Certified {domain} {cert_noun}");
        let initials: String = name.split(' ').filter_map(|s| s.chars().next()).collect();
        let name = format!("{name} ({initials})");
        w.field(2, "- name", &name);
        w.line(4, &format!("kind: {kind}"));
        w.field(4, "issuer", &format!("National Association of {domain} Professionals"));
        w.line(4, &format!("requirement: {}", ["required", "preferred", "optional"][(i + k) % 3]));
        w.line(4, &format!("source: {}", if k == 0 { SOURCE_A } else { SOURCE_B }));
        w.items(4, "prerequisites", 2, 8, 12);
        w.line(4, "exam:");
        let questions = 50 * w.rng.range(2, 5);
        let text = format!("A proctored exam of {questions} questions on {}", w.clause(5));
        w.item(6, &text, Some(SOURCE_A));
        w.line(4, "renewal:");
        let (years, units) = (w.rng.range(2, 4), 6 * w.rng.range(2, 6));
        let text = format!("Renewed every {years} years with {units} continuing education units");
        w.item(6, &text, Some(SOURCE_B));
    }

    w.line(0, "salary:");
    w.line(2, "figures:");
    let base = 30_000 + 1_000 * w.rng.range(0, 60);
    for (k, kind) in ["median", "average", "range"].into_iter().enumerate() {
        w.line(4, &format!("- kind: {kind}"));
        if kind == "range" {
            w.line(6, &format!("min: {}", base * 8 / 10));
            w.line(6, &format!("max: {}", base * 13 / 10));
        } else {
            w.line(6, &format!("amount: {}", base + 1_500 * k));
        }
        w.line(6, "currency: USD");
        w.line(6, "period: year");
        w.line(6, &format!("year: {}", 2020 + k));
        let scope = format!("{domain} {noun}s in {} settings", w.rng.pick(ADJECTIVES));
        w.field(6, "scope", &scope);
        let by = w.rng.pick(PUBLISHERS);
        w.field(6, "attributed_to", by);
        w.line(6, &format!("source: {}", if k == 1 { SOURCE_A } else { SOURCE_B }));
    }
    w.line(
        2,
        &format!("band: {{ min: {}, max: {}, currency: USD, period: year }}", base, base + 9_000),
    );

    w.line(0, "outlook:");
    for k in 0..2 {
        let growth = w.rng.range(1, 25);
        w.line(2, &format!("- growth_percent: {growth}"));
        w.line(4, &format!("period: {}-{}", 2022 + k, 2032 + k));
        w.field(4, "scope", &format!("All {} occupations", family.to_lowercase()));
        w.field(4, "attributed_to", PUBLISHERS[0]);
        let note = capitalize(&w.clause(9));
        w.field(4, "note", &note);
        w.line(4, &format!("source: {}", if k == 0 { SOURCE_A } else { SOURCE_B }));
    }

    w.line(0, "working_conditions:");
    w.items(2, "hours", 2, 5, 9);
    w.items(2, "overtime", 1, 5, 9);
    w.items(2, "environment", 3, 6, 10);
    w.items(0, "advancement", 2, 8, 12);

    w.line(0, "faq:");
    let question = format!("What does {} {title} do each day?", article.to_lowercase());
    w.field(2, "- question", &question);
    let answer = w.paragraph(4, 94);
    w.block(4, "answer", &answer);
    w.line(4, &format!("source: {SOURCE_A}"));
    let question = format!("What makes a good {title}?");
    w.field(2, "- question", &question);
    let mut answer = String::new();
    for _ in 0..3 {
        let skill = w.rng.pick(SKILLS).to_lowercase();
        writeln!(answer, "- **Strong {skill}**, to {}.", w.clause(9)).unwrap();
    }
    w.block(4, "answer", &answer);
    w.line(4, &format!("source: {SOURCE_B}"));

    let others: Vec<usize> =
        [i % n + 1, (i + n / 2) % n + 1].into_iter().filter(|&j| j != i).collect();
    let mut related: Vec<usize> = Vec::new();
    for j in others {
        if !related.contains(&j) {
            related.push(j);
        }
    }
    if !related.is_empty() {
        w.line(0, "related:");
        for j in related {
            w.line(2, &format!("- {}", role_id(j)));
        }
    }

    w.line(0, "sources:");
    let publisher = w.rng.pick(PUBLISHERS);
    w.line(2, &format!("- id: {SOURCE_A}"));
    w.field(4, "title", &format!("\"{domain} occupations: duties, education and pay\""));
    w.field(4, "publisher", publisher);
    w.line(4, "date: March 2023");
    w.line(4, &format!("url: https://example.org/handbook/{}", role_id(i)));
    w.line(2, &format!("- id: {SOURCE_B}"));
    w.field(4, "title", &format!("\"{family} salary survey\""));
    w.field(4, "publisher", PUBLISHERS[2]);
    w.line(4, "date: 2022");
    w.field(4, "note", "Figures are for full-time employees in the United States");
    (w.out, w.words)
}

/// Writes roles 1…`n` into `dir/roles/`, creating folders as needed, and removes generated
/// files numbered above `n` left by an earlier, larger run. Returns the words of text per role.
pub fn write_project(n: usize, dir: &Path) -> std::io::Result<Vec<usize>> {
    if !(1..=MAX_ROLES).contains(&n) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("N must be between 1 and {MAX_ROLES}, not {n}"),
        ));
    }
    let roles = dir.join("roles");
    std::fs::create_dir_all(&roles)?;
    for entry in std::fs::read_dir(&roles)? {
        let name = entry?.file_name();
        let Some(num) = name
            .to_str()
            .and_then(|s| s.strip_prefix("role-"))
            .and_then(|s| s.strip_suffix(".yaml"))
            .filter(|s| s.len() == 5)
            .and_then(|s| s.parse::<usize>().ok())
        else {
            continue;
        };
        if num > n {
            std::fs::remove_file(roles.join(&name))?;
        }
    }
    let mut words = Vec::with_capacity(n);
    for i in 1..=n {
        let (text, count) = role_yaml(i, n);
        std::fs::write(roles.join(format!("{}.yaml", role_id(i))), text)?;
        words.push(count);
    }
    Ok(words)
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (n, dir) = match args.as_slice() {
        [n, dir] => match n.parse::<usize>() {
            Ok(n) => (n, dir),
            Err(_) => {
                eprintln!("error: N must be a whole number, not `{n}`");
                return std::process::ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("usage: cargo run --release --example synth -- <N> <DIR>");
            return std::process::ExitCode::from(2);
        }
    };
    match write_project(n, Path::new(dir)) {
        Ok(words) => {
            let total: usize = words.iter().sum();
            let min = words.iter().min().copied().unwrap_or(0);
            let max = words.iter().max().copied().unwrap_or(0);
            eprintln!(
                "wrote {n} roles into {dir}/roles: {} words of text per role on average (min {min}, max {max})",
                total / n
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
