// THROWAWAY: validates tests/naive against python opencc. Delete before handing back.
mod naive;
use fanjian::TofuRisk;
use std::collections::HashMap;
#[test]
fn probe() {
    let input = std::fs::read_to_string(std::env::var("PROBE_IN").unwrap()).unwrap();
    let mut loader = naive::Loader::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/opencc"));
    let mut cache: HashMap<(String, bool), naive::Naive> = HashMap::new();
    let mut out = String::new();
    for line in input.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let config = v[0].as_str().unwrap().to_owned();
        let tofu = v[1].as_bool().unwrap();
        let text = v[2].as_str().unwrap();
        let n = cache.entry((config.clone(), tofu)).or_insert_with(|| {
            loader.load(
                &config,
                if tofu {
                    TofuRisk::Include
                } else {
                    TofuRisk::Exclude
                },
            )
        });
        out.push_str(&serde_json::to_string(&n.convert(text)).unwrap());
        out.push('\n');
    }
    std::fs::write(std::env::var("PROBE_OUT").unwrap(), out).unwrap();
}
