//! `cargo xtask spec [PATH]`: hold the operation catalogue of `openrouter-api` against
//! `openrouter-openapi.yaml`, so an endpoint the spec gains shows up as MISSING and a
//! declaration that disagrees with the spec (or names no `Client` method) fails.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use openrouter_api::operation;
use serde_norway::Value;

use crate::ci::workspace_root;

const USAGE: &str = "usage: cargo xtask spec [PATH] [--drift] [--allow-missing]
  PATH             the OpenAPI spec (default ../shared/openrouter-openapi.yaml)
  --drift          print the top-level request and response properties of each declared operation
  --allow-missing  report MISSING operations without failing (declaration problems still fail)";

/// What to do about an undeclared operation; the last line of a failing run.
const WHAT_TO_DO: &str =
    "add the declaration to crates/openrouter-api/src/operation/catalog.rs and a Client method";

/// The methods an OpenAPI path item may hold that we cover, in the order they are listed.
const METHODS: [(&str, &str); 5] = [
    ("get", "GET"),
    ("post", "POST"),
    ("put", "PUT"),
    ("patch", "PATCH"),
    ("delete", "DELETE"),
];

/// `cargo xtask spec [PATH] [--drift] [--allow-missing]`.
///
/// The report goes to stdout (so it can be piped into `grep MISSING`); notices and the
/// final verdict go to stderr like every other task.
pub fn run(args: &[String]) -> Result<(), String> {
    let options = Options::parse(args)?;
    let path = match options.path {
        Some(path) => path,
        None => {
            let path = workspace_root().join("../shared/openrouter-openapi.yaml");
            if !path.is_file() {
                eprintln!("spec: {} is absent; nothing to check", path.display());
                return Ok(());
            }
            path
        }
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let spec: Value = serde_norway::from_str(&text)
        .map_err(|e| format!("{} is not YAML: {e}", path.display()))?;
    let operations = spec_operations(&spec)?;
    let declared: Vec<Declared<'_>> = operation::ALL
        .iter()
        .map(|op| Declared {
            method: op.method.as_str(),
            path: op.path,
            id: op.id,
            client_method: op.client_method,
        })
        .collect();
    let methods = client_methods(&workspace_root().join("crates/openrouter-api/src"))?;

    let mut covered = 0;
    let mut missing = 0;
    for op in &operations {
        match operation::find(op.method, op.path) {
            Some(declaration) => {
                covered += 1;
                println!(
                    "{} {} -> Client::{}",
                    op.method, op.path, declaration.client_method
                );
            }
            // A deprecated operation that can only fail (`POST /credits/coinbase` answers 410)
            // is listed but not required.
            None if op.deprecated => println!(
                "{} {} -> MISSING (deprecated, not required)",
                op.method, op.path
            ),
            None => {
                missing += 1;
                println!("{} {} -> MISSING", op.method, op.path);
            }
        }
    }
    println!("covered {covered}/{}", operations.len());

    let problems = honesty(&operations, &declared, &methods);
    for problem in &problems {
        println!("error: {problem}");
    }
    if options.drift {
        print_drift(&spec, &operations, &declared);
    }

    let mut verdict = Vec::new();
    if !problems.is_empty() {
        verdict.push(format!(
            "{} declaration problem(s): each declaration in crates/openrouter-api/src/operation/catalog.rs must match the spec's method, path and operationId, and name a `pub fn` or `client_methods!` entry under crates/openrouter-api/src",
            problems.len()
        ));
    }
    if missing > 0 {
        if options.allow_missing {
            eprintln!("spec: {missing} operation(s) MISSING (allowed by --allow-missing)");
        } else {
            verdict.push(format!("{missing} operation(s) MISSING: {WHAT_TO_DO}"));
        }
    }
    if verdict.is_empty() {
        Ok(())
    } else {
        Err(verdict.join("\n"))
    }
}

// ---------------------------------------------------------------- arguments

#[derive(Debug, Default, PartialEq)]
struct Options {
    path: Option<PathBuf>,
    drift: bool,
    allow_missing: bool,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options::default();
        for arg in args {
            match arg.as_str() {
                "--drift" => options.drift = true,
                "--allow-missing" => options.allow_missing = true,
                "-h" | "--help" => return Err(USAGE.to_owned()),
                flag if flag.starts_with('-') => {
                    return Err(format!("unknown option `{flag}`\n{USAGE}"));
                }
                path if options.path.is_none() => options.path = Some(PathBuf::from(path)),
                _ => return Err(format!("spec takes at most one path\n{USAGE}")),
            }
        }
        Ok(options)
    }
}

// ---------------------------------------------------------------- the spec

/// One operation of the spec.
#[derive(Debug)]
struct SpecOperation<'a> {
    /// Upper case, as `http::Method::as_str` spells it.
    method: &'static str,
    path: &'a str,
    id: Option<&'a str>,
    deprecated: bool,
    node: &'a Value,
}

/// Every operation under `paths`, sorted by path, then in `METHODS` order.
fn spec_operations(spec: &Value) -> Result<Vec<SpecOperation<'_>>, String> {
    let paths = spec
        .get("paths")
        .and_then(Value::as_mapping)
        .ok_or("the spec has no `paths` mapping")?;
    let mut operations = Vec::new();
    for (path, item) in paths {
        let path = path
            .as_str()
            .ok_or_else(|| format!("a key of `paths` is not a string: {path:?}"))?;
        for (rank, (key, method)) in METHODS.iter().enumerate() {
            if let Some(node) = item.get(key) {
                operations.push((
                    rank,
                    SpecOperation {
                        method,
                        path,
                        id: node.get("operationId").and_then(Value::as_str),
                        deprecated: node.get("deprecated").and_then(Value::as_bool) == Some(true),
                        node,
                    },
                ));
            }
        }
    }
    operations.sort_by(|(a_rank, a), (b_rank, b)| (a.path, a_rank).cmp(&(b.path, b_rank)));
    Ok(operations.into_iter().map(|(_, op)| op).collect())
}

/// Whether two path templates differ at most in the names of their `{parameters}`
/// (`/keys/{hash}` and `/keys/{id}`): the hint for a declaration that is not found.
fn same_template(a: &str, b: &str) -> bool {
    let is_param = |s: &str| s.starts_with('{') && s.ends_with('}');
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split('/').collect(), b.split('/').collect());
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(x, y)| x == y || (is_param(x) && is_param(y)))
}

/// Follows local `$ref`s (`#/components/schemas/Name`) until a schema without one.
fn resolve<'a>(spec: &'a Value, mut schema: &'a Value) -> Option<&'a Value> {
    // A bound, not a cycle detector: no real spec chains references this deep.
    for _ in 0..16 {
        let Some(reference) = schema.get("$ref").and_then(Value::as_str) else {
            return Some(schema);
        };
        let pointer = reference.strip_prefix("#/")?;
        schema = spec;
        for part in pointer.split('/') {
            schema = schema.get(part.replace("~1", "/").replace("~0", "~").as_str())?;
        }
    }
    None
}

/// The names under `properties` of `schema` (after `$ref`s), in the spec's order, with
/// those of its `allOf` members (`OpenResponsesResult` and `MessagesResult` are built so).
fn property_names(spec: &Value, schema: &Value) -> Option<Vec<String>> {
    let schema = resolve(spec, schema)?;
    let members = schema.get("allOf").and_then(Value::as_sequence);
    let mut names: Vec<String> = Vec::new();
    for part in std::iter::once(schema).chain(members.into_iter().flatten()) {
        let properties = resolve(spec, part)
            .and_then(|p| p.get("properties"))
            .and_then(Value::as_mapping);
        for name in properties.into_iter().flat_map(|p| p.keys()) {
            if let Some(name) = name.as_str().filter(|n| !names.iter().any(|m| m == n)) {
                names.push(name.to_owned());
            }
        }
    }
    (!names.is_empty()).then_some(names)
}

/// What a schema without properties is instead: its `oneOf`/`anyOf` alternatives by name.
fn alternatives(spec: &Value, schema: &Value) -> String {
    let schema = resolve(spec, schema).unwrap_or(schema);
    for key in ["oneOf", "anyOf"] {
        if let Some(parts) = schema.get(key).and_then(Value::as_sequence) {
            let names: Vec<&str> = parts
                .iter()
                .map(|part| {
                    let reference = part.get("$ref").and_then(Value::as_str);
                    reference.map_or("(inline)", |r| r.rsplit('/').next().unwrap_or(r))
                })
                .collect();
            return format!("({key}: {})", names.join(" | "));
        }
    }
    "(no top-level properties)".to_owned()
}

/// The `application/json` schema of an operation's request body.
fn request_schema(operation: &Value) -> Option<&Value> {
    operation
        .get("requestBody")?
        .get("content")?
        .get("application/json")?
        .get("schema")
}

/// The `application/json` schema of an operation's first success (200, 201 or 202).
fn response_schema(operation: &Value) -> Option<&Value> {
    let responses = operation.get("responses")?;
    ["200", "201", "202"].iter().find_map(|status| {
        // YAML may spell the status as a string or a number.
        let response = responses
            .get(*status)
            .or_else(|| responses.get(status.parse::<usize>().ok()?))?;
        response
            .get("content")?
            .get("application/json")?
            .get("schema")
    })
}

/// `--drift`: the top-level property names of each declared operation's request and
/// response, for a human to hold against the types. A report, not a gate.
fn print_drift(spec: &Value, operations: &[SpecOperation<'_>], declared: &[Declared<'_>]) {
    println!(
        "drift: top-level properties of each declared operation (a `data` wrapper is shown as is)"
    );
    for op in operations {
        if !declared
            .iter()
            .any(|d| d.method.eq_ignore_ascii_case(op.method) && d.path == op.path)
        {
            continue;
        }
        println!("{} {}", op.method, op.path);
        let sides = [
            ("request", request_schema(op.node)),
            ("response", response_schema(op.node)),
        ];
        for (side, schema) in sides {
            match schema.and_then(|s| property_names(spec, s)) {
                Some(names) => println!("  {side:<9} {}", names.join(", ")),
                None => {
                    if let Some(schema) = schema {
                        println!("  {side:<9} {}", alternatives(spec, schema));
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------- honesty

/// What a declaration in `operation::ALL` claims, as plain strings (so tests can make some).
#[derive(Debug, Clone, Copy)]
struct Declared<'a> {
    method: &'a str,
    path: &'a str,
    id: &'a str,
    client_method: &'a str,
}

/// One line per broken promise: a declaration the spec does not have, with another
/// `operationId`, declared twice, or naming a `Client` method that does not exist.
fn honesty(
    spec: &[SpecOperation<'_>],
    declared: &[Declared<'_>],
    methods: &BTreeSet<String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, d) in declared.iter().enumerate() {
        let at = format!("{} {} ({})", d.method, d.path, d.id);
        let same_method = |s: &&SpecOperation<'_>| s.method.eq_ignore_ascii_case(d.method);
        match spec.iter().filter(same_method).find(|s| s.path == d.path) {
            Some(s) if s.id != Some(d.id) => problems.push(format!(
                "{at}: the spec's operationId is `{}`",
                s.id.unwrap_or("(none)")
            )),
            Some(_) => {}
            None => {
                let hint = spec
                    .iter()
                    .filter(same_method)
                    .find(|s| same_template(s.path, d.path))
                    .map(|s| format!(" (the spec spells it {})", s.path))
                    .unwrap_or_default();
                problems.push(format!("{at}: not in the spec{hint}"));
            }
        }
        let earlier = &declared[..i];
        if earlier
            .iter()
            .any(|e| e.method.eq_ignore_ascii_case(d.method) && e.path == d.path)
        {
            problems.push(format!(
                "{at}: declared twice (`operation::find` returns the first)"
            ));
        }
        if !methods.contains(d.client_method) {
            problems.push(format!("{at}: no method `Client::{}`", d.client_method));
        }
    }
    problems
}

/// The public method names defined under `dir`, recursively (see [`methods_in`]).
fn client_methods(dir: &Path) -> Result<BTreeSet<String>, String> {
    let mut names = BTreeSet::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries =
            std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                methods_in(&source, &mut names);
            }
        }
    }
    Ok(names)
}

/// Adds the names of `pub fn NAME` / `pub async fn NAME`, and of the entries
/// (`NAME(…) -> Out = OP;` at the start of a line) inside a `client_methods!` invocation.
///
/// A text scan, not a parse: it may accept a free function of the same name, which is
/// fine for catching a typo or a method that was never written.
fn methods_in(source: &str, names: &mut BTreeSet<String>) {
    // Bracket depth inside a `client_methods!` invocation, and whether it has opened yet.
    let mut invocation: Option<(i32, bool)> = None;
    for line in source.lines() {
        // Comments may mention `client_methods!` or hold unbalanced brackets.
        let code = line.split("//").next().unwrap_or_default();
        for keyword in ["pub fn ", "pub async fn "] {
            if let Some(at) = code.find(keyword) {
                insert_identifier(&code[at + keyword.len()..], names);
            }
        }
        let rest = match invocation {
            Some((depth, _)) => {
                // An entry: `NAME(` at the start of a line, at any depth inside the braces.
                let trimmed = code.trim_start();
                let name = identifier(trimmed);
                if depth > 0
                    && !name.is_empty()
                    && trimmed[name.len()..].trim_start().starts_with('(')
                {
                    names.insert(name.to_owned());
                }
                code
            }
            None => match code.find("client_methods!") {
                Some(at) => {
                    invocation = Some((0, false));
                    &code[at..]
                }
                None => continue,
            },
        };
        if let Some((depth, opened)) = invocation.as_mut() {
            for c in rest.chars() {
                match c {
                    '{' | '(' | '[' => {
                        *depth += 1;
                        *opened = true;
                    }
                    '}' | ')' | ']' => *depth -= 1,
                    _ => {}
                }
            }
            if *opened && *depth <= 0 {
                invocation = None;
            }
        }
    }
}

fn insert_identifier(text: &str, names: &mut BTreeSet<String>) {
    let name = identifier(text);
    if !name.is_empty() {
        names.insert(name.to_owned());
    }
}

/// The Rust identifier at the start of `text` (empty when there is none, as in `$name`).
fn identifier(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    let name = &text[..end];
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        ""
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = r##"
openapi: '3.1.0'
components:
  schemas:
    KeyRequest:
      type: object
      properties:
        name: {type: string}
        limit: {type: number}
    Alias:
      $ref: '#/components/schemas/KeyRequest'
    Combined:
      allOf:
        - $ref: '#/components/schemas/KeyRequest'
        - properties:
            name: {type: string}
            hash: {type: string}
    Either:
      oneOf:
        - $ref: '#/components/schemas/KeyRequest'
        - type: string
paths:
  /keys/{hash}:
    delete:
      operationId: 'deleteKeys'
      responses:
        '200':
          content:
            application/json:
              schema:
                type: object
                properties:
                  deleted: {type: boolean}
    get:
      operationId: 'getKey'
    parameters: []
  /keys:
    post:
      operationId: 'createKeys'
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Alias'
      responses:
        201:
          content:
            application/json:
              schema:
                properties:
                  data: {type: object}
                  key: {type: string}
    get:
      operationId: 'list'
  /credits/coinbase:
    post:
      operationId: 'createCoinbaseCharge'
      deprecated: true
"##;

    fn spec() -> Value {
        serde_norway::from_str(SPEC).unwrap()
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn operations_are_sorted_by_path_then_method() {
        let spec = spec();
        let ops = spec_operations(&spec).unwrap();
        let listed: Vec<String> = ops
            .iter()
            .map(|op| format!("{} {} {}", op.method, op.path, op.id.unwrap_or("-")))
            .collect();
        assert_eq!(
            listed,
            [
                "POST /credits/coinbase createCoinbaseCharge",
                "GET /keys list",
                "POST /keys createKeys",
                "GET /keys/{hash} getKey",
                "DELETE /keys/{hash} deleteKeys",
            ]
        );
        // `parameters` beside the methods is not an operation; `deprecated` is read.
        assert!(ops[0].deprecated);
        assert!(!ops[1].deprecated);
    }

    #[test]
    fn a_spec_without_paths_is_an_error() {
        let spec: Value = serde_norway::from_str("openapi: '3.1.0'").unwrap();
        assert_eq!(
            spec_operations(&spec).unwrap_err(),
            "the spec has no `paths` mapping"
        );
    }

    #[test]
    fn templates_match_up_to_parameter_names() {
        assert!(same_template("/keys/{hash}", "/keys/{id}"));
        assert!(same_template("/keys", "/keys"));
        assert!(!same_template("/keys/{hash}", "/keys"));
        assert!(!same_template("/keys/{hash}", "/byok/{hash}"));
        assert!(!same_template("/keys/{hash}", "/keys/hash"));
    }

    #[test]
    fn schemas_are_read_through_refs_and_numeric_statuses() {
        let spec = spec();
        let ops = spec_operations(&spec).unwrap();
        let create = &ops[2];
        let request = request_schema(create.node).unwrap();
        assert_eq!(
            property_names(&spec, request).unwrap(),
            strings(&["name", "limit"])
        );
        // An unquoted `201:` is a number key; the `data` wrapper is reported as is.
        let response = response_schema(create.node).unwrap();
        assert_eq!(
            property_names(&spec, response).unwrap(),
            strings(&["data", "key"])
        );
        let delete = &ops[4];
        assert!(request_schema(delete.node).is_none());
        assert_eq!(
            property_names(&spec, response_schema(delete.node).unwrap()).unwrap(),
            strings(&["deleted"])
        );
        // An operation without a JSON success has no response schema.
        assert!(response_schema(ops[0].node).is_none());
    }

    #[test]
    fn all_of_members_add_their_properties_and_one_of_is_named() {
        let spec = spec();
        let schema = |name: &str| -> Value {
            serde_norway::from_str(&format!("$ref: '#/components/schemas/{name}'")).unwrap()
        };
        assert_eq!(
            property_names(&spec, &schema("Combined")).unwrap(),
            strings(&["name", "limit", "hash"])
        );
        assert!(property_names(&spec, &schema("Either")).is_none());
        assert_eq!(
            alternatives(&spec, &schema("Either")),
            "(oneOf: KeyRequest | (inline))"
        );
        assert_eq!(
            alternatives(&spec, &schema("KeyRequest")),
            "(no top-level properties)"
        );
    }

    #[test]
    fn a_dangling_or_endless_ref_resolves_to_nothing() {
        let spec: Value = serde_norway::from_str(
            "components: {schemas: {Loop: {$ref: '#/components/schemas/Loop'}}}",
        )
        .unwrap();
        let dangling: Value = serde_norway::from_str("$ref: '#/components/schemas/Nope'").unwrap();
        let endless: Value = serde_norway::from_str("$ref: '#/components/schemas/Loop'").unwrap();
        assert!(resolve(&spec, &dangling).is_none());
        assert!(resolve(&spec, &endless).is_none());
    }

    #[test]
    fn honesty_names_each_broken_declaration() {
        let spec = spec();
        let ops = spec_operations(&spec).unwrap();
        let methods: BTreeSet<String> = ["get_key", "create_key", "list_keys"]
            .map(str::to_owned)
            .into();
        let d = |method, path, id, client_method| Declared {
            method,
            path,
            id,
            client_method,
        };
        let declared = [
            d("GET", "/keys/{hash}", "getKey", "get_key"),
            d("POST", "/keys", "createKey", "create_key"),
            d("GET", "/keys/{id}", "getKey", "get_key"),
            d("PUT", "/keys", "putKeys", "list_keys"),
            d("get", "/keys", "list", "list_kyes"),
            d("GET", "/keys/{hash}", "getKey", "get_key"),
        ];
        assert_eq!(
            honesty(&ops, &declared, &methods),
            [
                "POST /keys (createKey): the spec's operationId is `createKeys`",
                "GET /keys/{id} (getKey): not in the spec (the spec spells it /keys/{hash})",
                "PUT /keys (putKeys): not in the spec",
                "get /keys (list): no method `Client::list_kyes`",
                "GET /keys/{hash} (getKey): declared twice (`operation::find` returns the first)",
            ]
        );
    }

    #[test]
    fn methods_come_from_pub_fns_and_client_methods_entries() {
        let source = r#"
/// Uses `client_methods!` { for everything.
macro_rules! client_methods {
    ($($name:ident ( $($param:ident),* ) -> $out:ty = $op:ident;)*) => {
        impl Client { $(pub async fn $name(&self) {})* }
    };
}

impl Client {
    pub async fn chat(&self, request: &ChatRequest) -> Result<(), Error> {}
    pub fn builder() -> ClientBuilder {}
    fn private_helper(&self) {}
    pub(crate) fn send_json(&self) {}
}

client_methods! {
    /// `GET /keys/{hash}`: one key (see models(…)).
    get_key(hash) -> ApiKey = GET_KEY;
    list_keys(; query: PageQuery) -> Vec<ApiKey> = LIST_KEYS;
    update_key (hash; body: UpdateKeyRequest)
        -> ApiKey = UPDATE_KEY;
}

fn after(x: u8) {
    outside(x);
}
"#;
        let mut names = BTreeSet::new();
        methods_in(source, &mut names);
        assert_eq!(
            names.into_iter().collect::<Vec<_>>(),
            strings(&["builder", "chat", "get_key", "list_keys", "update_key"])
        );
    }

    #[test]
    fn arguments_are_parsed() {
        let parsed =
            Options::parse(&strings(&["spec.yaml", "--drift", "--allow-missing"])).unwrap();
        assert_eq!(
            parsed,
            Options {
                path: Some(PathBuf::from("spec.yaml")),
                drift: true,
                allow_missing: true,
            }
        );
        assert!(Options::parse(&strings(&["a", "b"])).is_err());
        assert!(Options::parse(&strings(&["--strict"])).is_err());
    }

    #[test]
    fn an_explicit_missing_path_is_an_error() {
        let error = run(&strings(&["/nonexistent/openapi.yaml"])).unwrap_err();
        assert!(
            error.starts_with("cannot read /nonexistent/openapi.yaml"),
            "{error}"
        );
    }
}
