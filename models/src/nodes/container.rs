//! Calls to the Docker API of a container deployed on a node (InvokeContainerApi).

use fabric_rest_runtime::wire_struct;

wire_struct! {
    /// A call to the Docker API of a container (InvokeContainerApi).
    pub struct ContainerApiRequestBody {
        /// The HTTP verb; absent means GET.
        "HttpVerb" http_verb: Option<String>,
        /// The path of the Docker API, relative to the container (`/containers/{id}/logs`).
        "UriPath" uri_path: String,
        /// The content type of `body`.
        "Content-Type" content_type: Option<String>,
        /// The request body.
        "Body" body: Option<String>,
    }
}

impl ContainerApiRequestBody {
    /// A GET of `uri_path`.
    pub fn new(uri_path: impl Into<String>) -> ContainerApiRequestBody {
        ContainerApiRequestBody {
            http_verb: None,
            uri_path: uri_path.into(),
            content_type: None,
            body: None,
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// What the container's Docker API answered.
    pub struct ContainerApiResponse {
        /// The answer.
        "ContainerApiResult" container_api_result: ContainerApiResult,
    }
}

wire_struct! {
    /// The Docker API's answer.
    pub struct ContainerApiResult {
        /// The HTTP status.
        "Status" status: u16,
        /// Its content type.
        "Content-Type" content_type: Option<String>,
        /// Its content encoding.
        "Content-Encoding" content_encoding: Option<String>,
        /// Its body.
        "Body" body: Option<String>,
    }
}
