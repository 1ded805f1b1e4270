//! `use fabric_rest::prelude::*` alone reaches the operations of every enabled group.

use fabric_rest::prelude::*;

mod support;
use support::{lines, serve};

/// Calls one operation of each group through the prelude's names only.
async fn call_every_group(client: &Client) -> Result<()> {
    let version = client.get_cluster_version(Some(ServerTimeout::seconds::<5>())).await?;
    assert_eq!(version.version.as_deref(), Some("9.1"));
    let node = client.get_node_info("_Node_0", None).await?.expect("200 is Some");
    assert_eq!(node.name.as_deref(), Some("_Node_0"));
    let content = client.get_image_store_root_content(None).await?;
    assert_eq!(content.store_files, None);
    let failure: Error = client
        .get_node_info("missing", None)
        .await
        .expect_err("the server answers 500 for it");
    assert_eq!(failure.status().map(|status| status.as_u16()), Some(500));
    Ok(())
}

#[tokio::test]
async fn the_prelude_brings_every_group_into_scope() {
    let (client, seen) = serve(|target| match target {
        t if t.starts_with("/$/GetClusterVersion") => (200, r#"{"Version":"9.1"}"#.into()),
        t if t.starts_with("/Nodes/_Node_0") => (200, r#"{"Name":"_Node_0"}"#.into()),
        t if t.starts_with("/ImageStore") => (200, "{}".into()),
        _ => (500, String::new()),
    })
    .await;
    call_every_group(&client).await.unwrap();
    assert_eq!(
        lines(&seen),
        [
            "GET /$/GetClusterVersion?api-version=6.4&timeout=5 HTTP/1.1",
            "GET /Nodes/_Node_0?api-version=6.0 HTTP/1.1",
            "GET /ImageStore?api-version=6.0 HTTP/1.1",
            "GET /Nodes/missing?api-version=6.0 HTTP/1.1",
        ]
    );
}

/// Every operation trait is implemented for any transport, so generic code can name them
/// from the prelude too.
#[test]
fn the_traits_are_nameable_from_the_prelude() {
    fn takes<T: ClusterInfo + Nodes + DeployedOnNode + ImageStore + ClusterConfigurationUpgrade>(_: &T) {}
    let client = Client::new("http://127.0.0.1:1").unwrap();
    takes(&client);
}
