//! Word lists for the demo data: people, places, apps and threats. Only data, no logic.

pub const FIRST: &[&str] = &[
    "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Isabella", "James",
    "Ava", "William", "Mia", "Benjamin", "Evelyn", "Lucas", "Harper", "Henry", "Camila", "Theodore",
    "Priya", "Arjun", "Mei", "Wei", "Hiroshi", "Yuki", "Fatima", "Omar", "Aisha", "Mohammed",
    "Sofía", "Mateo", "Valentina", "Santiago", "Chloé", "Louis", "Léa", "Hugo", "Zoë", "Lars",
    "Ingrid", "Björn", "Anika", "Jonas", "Katarzyna", "Piotr", "Olga", "Dmitri", "Thandiwe", "Kwame",
    "Ngozi", "Chinedu", "Siobhan", "Declan", "Aoife", "Rhys", "Maya", "Ethan", "Grace", "Daniel",
    "Hannah", "Samuel", "Nora", "Gabriel",
];

pub const LAST: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernández", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
    "Jackson", "Martin", "Lee", "Pérez", "Thompson", "White", "Harris", "Sánchez", "Clark",
    "Ramirez", "Lewis", "Robinson", "Patel", "Shah", "Nguyen", "Tran", "Kim", "Park", "Chen", "Wang",
    "Tanaka", "Suzuki", "Müller", "Schmidt", "Schneider", "Dubois", "Lefèvre", "Rossi", "Bianchi",
    "Kowalski", "Nowak", "Ivanova", "Okafor", "Mensah", "O'Brien", "Murphy", "Kelly", "Andersson",
    "Johansson", "Nielsen", "Haddad", "Khan", "da Silva", "Costa", "Cohen", "Novak",
];

/// The demo company's mail domain (reserved `.example` TLD: never a real mailbox).
pub const DOMAIN: &str = "northwind.example";

/// City, country code, and a documentation-range IP prefix (RFC 5737 / 3849).
pub const PLACES: &[(&str, &str, &str)] = &[
    ("San Francisco", "US", "198.51.100."),
    ("New York", "US", "198.51.100."),
    ("London", "GB", "203.0.113."),
    ("Lisbon", "PT", "203.0.113."),
    ("Berlin", "DE", "192.0.2."),
    ("Singapore", "SG", "192.0.2."),
    ("Tokyo", "JP", "198.51.100."),
    ("São Paulo", "BR", "203.0.113."),
    ("Sydney", "AU", "192.0.2."),
    ("Lagos", "NG", "198.51.100."),
    ("Mumbai", "IN", "203.0.113."),
    ("Toronto", "CA", "192.0.2."),
];

pub const APPS: &[&str] = &[
    "Salesforce", "GitHub Enterprise", "Workday", "Jira", "Google Workspace", "Grafana",
    "Confluence", "AWS Console", "Zendesk", "Slack",
];

pub const DLP_PROFILES: &[&str] = &[
    "Credit Card Numbers", "U.S. Social Security Numbers", "Source Code", "AWS Credentials",
    "Financial Information", "Health Information",
];

pub const UPLOAD_SITES: &[&str] = &[
    "drive.google.com", "dropbox.com", "pastebin.com", "wetransfer.com", "mega.nz", "github.com",
];

pub const THREATS: &[(&str, &str)] = &[
    ("Agent Tesla", "Infostealer"),
    ("LockBit 3.0", "Ransomware"),
    ("Emotet", "Trojan"),
    ("Cobalt Strike Beacon", "Backdoor"),
    ("BundleInstaller", "PUP"),
];

pub const OSES: &[&str] = &["macOS 14.5", "macOS 15.1", "Windows 11 23H2", "Windows 10 22H2", "Ubuntu 24.04"];

pub const FILES: &[&str] = &[
    "invoice_2024_Q3.pdf.exe", "payroll-update.xlsm", "setup_vpn_client.msi", "resume_final.docm",
    "screenshot.scr", "driver_update.zip",
];

/// Domains under the reserved `.example` / `.test` names, with their Gateway categories.
pub const RISKY_DOMAINS: &[(&str, &[&str])] = &[
    ("login-micros0ft.example", &["Phishing"]),
    ("cdn-update-check.test", &["Command and Control & Botnet"]),
    ("free-movies-hd.example", &["Malware", "Spyware"]),
    ("newly-seen-4f2a.example", &["New Domains"]),
    ("parked-offer.test", &["Parked & For Sale Domains"]),
    ("dga-kq9zt3.example", &["DGA Domains"]),
];

/// Strings that must be shown as text, never interpreted, by any client that renders them.
pub const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(document.domain)>",
    "javascript:alert(1)",
    "{{constructor.constructor('alert(1)')()}}",
    "Robert'); DROP TABLE users;--",
];
