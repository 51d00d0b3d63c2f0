//! Parses and renders arbitrary templates with a fixed data set and
//! partials: nothing may panic, overflow the stack or hang.
//!
//!   cd crates/liquid/fuzz && cargo +nightly fuzz run parse_render -- -max_total_time=60

#![no_main]

use std::sync::Arc;

use hyde_liquid::{Context, Engine, Error, ErrorKind, FileSystem, Map, Template, Value};
use libfuzzer_sys::fuzz_target;

struct Partials;

impl FileSystem for Partials {
    fn read_template_file(&self, name: &str) -> Result<String, Error> {
        match name {
            "a" => Ok("{{ a | upcase }}{% include 'b' %}".into()),
            "b" => Ok("{% for x in list %}{{ x }}{% endfor %}".into()),
            "self" => Ok("{% include 'self' %}".into()),
            _ => Err(Error::new(ErrorKind::FileSystem, "missing")),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let engine = Engine::new();
    let Ok(template) = Template::parse(src, &engine) else { return };
    let mut ctx = Context::new(&engine);
    ctx.set_file_system(Arc::new(Partials));
    // Keep pathological loops bounded.
    ctx.limits_mut().max_render_steps = Some(200_000);
    ctx.limits_mut().max_output_bytes = Some(1 << 20);
    let mut h = Map::new();
    h.insert(Value::str("k"), Value::array(vec![Value::Int(1), Value::Float(2.5), Value::Nil]));
    ctx.set_global("a", Value::str("héllo"));
    ctx.set_global("list", Value::array(vec![Value::Int(3), Value::str("x"), Value::hash(h.clone())]));
    ctx.set_global("h", Value::hash(h));
    let _ = template.render(&mut ctx);
});
