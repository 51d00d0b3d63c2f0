//! Jekyll's `{% link path %}` and `{% post_url name %}`: the URL (with
//! `baseurl`) of a site file named by its source path, or of a post named
//! by its file name without extension.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use hyde_liquid::{Body, Context, Error, Render, Tag, TagInput, Template};
use regex::Regex;

use crate::liquid_ext::host::site;
use crate::liquid_ext::url::relative_url_str;

/// The `link` tag.
pub struct LinkTag;

struct Link {
    template: Result<Template, Error>,
}

impl Tag for LinkTag {
    fn parse(&self, tag: TagInput<'_>, _body: Body) -> Result<Box<dyn Render>, Error> {
        let relative_path = tag.markup.trim().to_owned();
        let template = Template::parse(&relative_path, tag.engine);
        Ok(Box::new(Link { template }))
    }
}

impl Render for Link {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let site = site(ctx)?;
        let path = match &self.template {
            Ok(t) => t.render(ctx)?,
            Err(e) => return Err(e.clone()),
        };
        // `PathManager.join("", path)`: static files' relative paths start with "/".
        let with_slash = if path.starts_with('/') {
            path.clone()
        } else {
            format!("/{path}")
        };
        let url = site
            .site_files()
            .find(|f| f.relative_path == path || f.relative_path == with_slash)
            .map(|f| f.url.to_owned());
        match url {
            Some(url) => {
                out.push_str(&relative_url_str(&*site, &url)?);
                Ok(())
            }
            None => Err(Error::runtime(format!(
                "Could not find document '{path}' in tag 'link'.\n\nMake sure the document exists and the path is correct.\n"
            ))),
        }
    }
}

/// The `post_url` tag.
pub struct PostUrlTag;

struct PostUrl {
    orig: String,
    date: String,
    slug: String,
    name_regex: Regex,
}

fn matcher() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(.+/)*(\d+-\d+-\d+)-(.*)$").expect("valid regex"))
}

fn parse_error(orig: &str, cause: &str) -> Error {
    Error::runtime(format!(
        "Could not parse name of post \"{orig}\" in tag 'post_url'.\n Make sure the post exists and the name is correct.\n {cause}\n"
    ))
}

impl Tag for PostUrlTag {
    fn parse(&self, tag: TagInput<'_>, _body: Body) -> Result<Box<dyn Render>, Error> {
        let orig = tag.markup.trim().to_owned();
        let name = orig.strip_prefix('/').unwrap_or(&orig);
        let Some(caps) = matcher().captures(name) else {
            return Err(parse_error(
                &orig,
                &format!("Jekyll::Errors::InvalidPostNameError: '{orig}' does not contain valid date and/or title."),
            ));
        };
        let path = caps.get(1).map_or("", |m| m.as_str());
        let date = caps[2].to_owned();
        let slug = caps[3].to_owned();
        let basename = format!(r"{date}-{}\.[^.]+", regex::escape(&slug));
        // The path goes into the pattern unescaped, as in Jekyll.
        let name_regex = Regex::new(&format!(
            "^_posts/{path}{basename}|^{path}_posts/?{basename}"
        ))
        .map_err(|e| parse_error(&orig, &format!("RegexpError: {e}")))?;
        Ok(Box::new(PostUrl {
            orig,
            date,
            slug,
            name_regex,
        }))
    }
}

/// `Utils.parse_date` of the name's `Y-M-D`.
fn post_date(date: &str) -> Result<NaiveDate, Error> {
    let mut parts = date.split('-').map(|p| p.parse::<u32>().ok());
    let ymd = (
        parts.next().flatten(),
        parts.next().flatten(),
        parts.next().flatten(),
    );
    let parsed = match ymd {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => None,
    };
    parsed.ok_or_else(|| {
        Error::runtime(format!(
            "Invalid date '{date}': '{date}' does not contain valid date and/or title."
        ))
    })
}

impl Render for PostUrl {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let site = site(ctx)?;
        let found = site
            .posts()
            .find(|p| self.name_regex.is_match(p.relative_path))
            .map(|p| p.url.to_owned());
        let found = match found {
            Some(url) => Some(url),
            // Jekyll's deprecated fallback: same slug and same day.
            None => {
                let mut hit = None;
                for post in site.posts() {
                    if post.slug != self.slug {
                        continue;
                    }
                    let date = post_date(&self.date)?;
                    if (date.year(), date.month(), date.day()) == post.date {
                        hit = Some(post.url.to_owned());
                        break;
                    }
                }
                hit
            }
        };
        match found {
            Some(url) => {
                out.push_str(&relative_url_str(&*site, &url)?);
                Ok(())
            }
            None => Err(Error::runtime(format!(
                "Could not find post \"{}\" in tag 'post_url'.\nMake sure the post exists and the name is correct.\n",
                self.orig
            ))),
        }
    }
}
