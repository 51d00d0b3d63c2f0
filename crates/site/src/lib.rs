//! hyde-site: the Jekyll site model and the build pipeline (read → generate → render → write).

pub mod liquid_ext;
