//! The optional config file (`config.toml` in the platform config dir, or `OPENROUTER_CONFIG`)
//! and the platform directories the CLI keeps its files in.
//!
//! ```toml
//! model = "anthropic/claude-sonnet-4.5"   # chat's default model
//! app_url = "https://example.com/my-app" # attribution: HTTP-Referer
//! app_title = "my-app"                   # attribution: X-OpenRouter-Title
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::exit::{Code, Failure};

/// Environment variable naming the config file, instead of the platform default.
pub const CONFIG_ENV: &str = "OPENROUTER_CONFIG";

/// The model chat uses when neither `--model`, `OPENROUTER_MODEL` nor the config file names one:
/// OpenRouter's router, a slug that is never retired (a `:free` one may be).
pub const FALLBACK_MODEL: &str = "openrouter/auto";

/// Config files are a few lines; anything this large is not one.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// What `config.toml` may say. Unknown keys are errors: a misspelt key silently ignored is a
/// setting that seems to do nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The default model of `openrouter chat`.
    pub model: Option<String>,
    /// The app's URL sent as `HTTP-Referer` (OpenRouter's attribution).
    pub app_url: Option<String>,
    /// The app's name sent as `X-OpenRouter-Title`.
    pub app_title: Option<String>,
}

impl Config {
    /// Reads the config file: the one `OPENROUTER_CONFIG` names (which must exist), else
    /// `config.toml` in the platform config dir (which may not). No file means defaults.
    pub fn load() -> Result<Config, Failure> {
        if let Some(path) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
            return Self::read(Path::new(&path), true);
        }
        match default_path() {
            Some(path) => Self::read(&path, false),
            None => Ok(Config::default()),
        }
    }

    /// Parses `path`; a missing file is an error only when `required`.
    pub fn read(path: &Path, required: bool) -> Result<Config, Failure> {
        let bytes = match std::fs::metadata(path) {
            Ok(meta) if meta.len() > MAX_CONFIG_BYTES => {
                return Err(config_error(
                    path,
                    "it is larger than 1 MiB, so it is not a config file",
                ));
            }
            Ok(_) => std::fs::read(path).map_err(|e| config_error(path, &e.to_string()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                return Ok(Config::default());
            }
            Err(e) => return Err(config_error(path, &e.to_string())),
        };
        let text = String::from_utf8(bytes).map_err(|_| config_error(path, "it is not UTF-8"))?;
        Self::parse(&text).map_err(|e| config_error(path, &e))
    }

    /// Parses the text of a config file; the error names the line and column.
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str::<Config>(text).map_err(|e| {
            let message = e.message().trim_end_matches('.').to_owned();
            match e.span() {
                Some(span) => {
                    let (line, column) = line_column(text, span.start);
                    format!("line {line}, column {column}: {message}")
                }
                None => message,
            }
        })
    }

    /// The model for chat: `--model`/`OPENROUTER_MODEL` (clap merged them) first, then this
    /// file, then [`FALLBACK_MODEL`].
    pub fn model<'a>(&'a self, flag_or_env: Option<&'a str>) -> &'a str {
        flag_or_env
            .filter(|m| !m.trim().is_empty())
            .or(self.model.as_deref().filter(|m| !m.trim().is_empty()))
            .unwrap_or(FALLBACK_MODEL)
    }
}

fn config_error(path: &Path, why: &str) -> Failure {
    Failure::new(
        Code::Config,
        format!(
            "cannot use the config file {}: {why}; fix or remove it",
            path.display()
        ),
    )
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// `config.toml` in the platform config dir: `$XDG_CONFIG_HOME/openrouter` (or
/// `~/.config/openrouter`) on Linux, `~/Library/Application Support/openrouter` on macOS,
/// `%APPDATA%\openrouter` on Windows.
pub fn default_path() -> Option<PathBuf> {
    config_dir().map(|dir| dir.join("config.toml"))
}

fn config_dir() -> Option<PathBuf> {
    platform_dir("XDG_CONFIG_HOME", ".config", "APPDATA")
}

/// The platform data dir for the CLI's files (the chat history): `$XDG_DATA_HOME/openrouter`
/// (or `~/.local/share/openrouter`) on Linux, `~/Library/Application Support/openrouter` on
/// macOS, `%LOCALAPPDATA%\openrouter` on Windows.
pub fn data_dir() -> Option<PathBuf> {
    platform_dir("XDG_DATA_HOME", ".local/share", "LOCALAPPDATA")
}

fn platform_dir(xdg: &str, home_relative: &str, windows: &str) -> Option<PathBuf> {
    let env_dir = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let base = if cfg!(windows) {
        env_dir(windows)?
    } else if let Some(dir) = env_dir(xdg) {
        // An explicit XDG variable wins everywhere, macOS included.
        dir
    } else if cfg!(target_os = "macos") {
        env_dir("HOME")?.join("Library/Application Support")
    } else {
        env_dir("HOME")?.join(home_relative)
    };
    Some(base.join("openrouter"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_file_names_the_model_and_attribution() {
        let config = Config::parse(
            "model = \"anthropic/claude-sonnet-4.5\"\napp_url = \"https://example.com\"\napp_title = \"demo\"\n",
        )
        .unwrap();
        assert_eq!(config.model.as_deref(), Some("anthropic/claude-sonnet-4.5"));
        assert_eq!(config.app_url.as_deref(), Some("https://example.com"));
        assert_eq!(config.app_title.as_deref(), Some("demo"));
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }

    #[test]
    fn errors_name_the_line() {
        for (text, expected) in [
            (
                "model = \"a\"\nmodle = \"b\"\n",
                "line 2, column 1: unknown field `modle`",
            ),
            ("model = \"a\"\n\nmodel = 3\n", "line 3"),
            ("app_title = \n", "line 1, column 13"),
        ] {
            let error = Config::parse(text).unwrap_err();
            assert!(error.starts_with(expected), "{text:?}: {error}");
        }
    }

    #[test]
    fn the_model_comes_from_the_flag_then_the_file_then_the_router() {
        let config = Config {
            model: Some("from/file".into()),
            ..Config::default()
        };
        assert_eq!(config.model(Some("from/flag")), "from/flag");
        assert_eq!(config.model(None), "from/file");
        assert_eq!(Config::default().model(None), FALLBACK_MODEL);
        assert_eq!(Config::default().model(Some(" ")), FALLBACK_MODEL);
    }
}
