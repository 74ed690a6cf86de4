use crate::model::Model; use crate::render::GeneratedFile; use crate::validate::Project; pub fn render(_p: &Project, _m: &Model) -> Vec<GeneratedFile> { Vec::new() }
