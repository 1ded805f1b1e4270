//! The spec's examples of the Fault Analysis Service operations (`/Faults`), and the starts
//! that have none, through the declared methods against a loopback server: each request
//! line the server saw, and each answer written back unchanged.
#![cfg(feature = "faults")]

use std::time::Duration;

use fabric_rest::faults::{FaultOperations, NodeTransitions, PartitionFaults};
use fabric_rest::models::{
    DataLossMode, FaultDuration, Int64, NodeTransitionType, OperationId, OperationState, OperationStateFilter,
    OperationType, OperationTypeFilter, QuorumLossMode, RestartPartitionMode,
};
use fabric_rest::{Accepted, ErrorKind, FabricErrorCode, StatusCode};

#[path = "support/examples.rs"]
mod examples;
mod support;

use examples::{Example, assert_round_trip, bounded, serve_empty, serve_example};
use support::{lines, serve};

macro_rules! example {
    ($file:literal) => {
        Example::parse(include_str!(concat!("fixtures/examples/", $file)))
    };
}

fn operation_id(example: &Example) -> OperationId {
    example.param_str("OperationId").parse().unwrap()
}

const PARTITION: &str =
    "/Faults/Services/fabric%3A%2Fmyapp%2Fmyservice/$/GetPartitions/1daae3f5-7fd6-42e9-b1ba-8c05f873994d/$";

#[tokio::test]
async fn get_data_loss_progress() {
    bounded(async {
        for file in [example!("GetDataLossProgress.json"), example!("GetDataLossProgress-Running.json")] {
            let (client, seen) = serve_example(&file).await;
            let progress = client
                .get_data_loss_progress(
                    file.param_str("serviceId"),
                    file.param_str("partitionId"),
                    operation_id(&file),
                    None,
                )
                .await
                .unwrap();
            assert_eq!(
                lines(&seen),
                [format!(
                    "GET {PARTITION}/GetDataLossProgress?api-version=6.0&OperationId=7216486c-1ee9-4b00-99b2-92b26fcb07f5 HTTP/1.1"
                )]
            );
            assert_round_trip(&progress, file.body());
            match progress.state.as_ref().unwrap() {
                OperationState::Completed => {
                    let result = progress.invoke_data_loss_result.as_ref().unwrap();
                    assert_eq!(result.error_code, Some(0));
                    let partition = result.selected_partition.as_ref().unwrap();
                    assert_eq!(partition.service_name.as_deref(), Some("fabric:/myapp/myservice"));
                }
                OperationState::Running => assert!(progress.invoke_data_loss_result.is_none()),
                other => panic!("{other:?}"),
            }
        }
    })
    .await;
}

#[tokio::test]
async fn get_quorum_loss_progress() {
    bounded(async {
        for file in [example!("GetQuorumLossProgress.json"), example!("GetQuorumLossProgress-Running.json")] {
            let (client, seen) = serve_example(&file).await;
            let progress = client
                .get_quorum_loss_progress(
                    file.param_str("serviceId"),
                    file.param_str("partitionId"),
                    operation_id(&file),
                    None,
                )
                .await
                .unwrap();
            assert_eq!(
                lines(&seen),
                [format!(
                    "GET {PARTITION}/GetQuorumLossProgress?api-version=6.0&OperationId=81fbaee7-4f49-44bb-a350-4cb2b51dbf26 HTTP/1.1"
                )]
            );
            assert_round_trip(&progress, file.body());
            let done = progress.state.as_ref().unwrap().is_final();
            assert_eq!(done, progress.invoke_quorum_loss_result.is_some());
        }
    })
    .await;
}

#[tokio::test]
async fn get_partition_restart_progress() {
    bounded(async {
        let file = example!("GetPartitionRestartProgress.json");
        let (client, seen) = serve_example(&file).await;
        let progress = client
            .get_partition_restart_progress(
                file.param_str("serviceId"),
                file.param_str("partitionId"),
                operation_id(&file),
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            [format!(
                "GET {PARTITION}/GetRestartProgress?api-version=6.0&OperationId=6eb7f0d3-49ca-4cb1-81b7-ac2d56b5c5d1 HTTP/1.1"
            )]
        );
        assert_eq!(progress.state, Some(OperationState::Completed));
        assert_round_trip(&progress, file.body());
    })
    .await;
}

#[tokio::test]
async fn get_node_transition_progress() {
    bounded(async {
        for (file, id) in [
            (example!("GetNodeTransitionProgress.json"), "a9c24269-88e9-4812-b4ad-a0bf2b724ad4"),
            (example!("GetNodeTransitionProgress-Running.json"), "ed903556-acf1-489c-9f33-b484c31f9087"),
        ] {
            let (client, seen) = serve_example(&file).await;
            let progress = client
                .get_node_transition_progress(file.param_str("nodeName"), operation_id(&file), Some(fabric_rest::ServerTimeout::seconds::<30>()))
                .await
                .unwrap();
            assert_eq!(
                lines(&seen),
                [format!(
                    "GET /Faults/Nodes/N0060/$/GetTransitionProgress?api-version=6.0&OperationId={id}&timeout=30 HTTP/1.1"
                )]
            );
            assert_round_trip(&progress, file.body());
            if let Some(result) = &progress.node_transition_result {
                let node = result.node_result.as_ref().unwrap();
                assert_eq!(node.node_instance_id, Some(Int64::new(131_366_982_707_950_527)));
            }
        }
    })
    .await;
}

#[tokio::test]
async fn get_fault_operation_list() {
    bounded(async {
        let file = example!("GetFaultOperationList.json");
        let (client, seen) = serve_example(&file).await;
        // The example's filters, 0xFF: every flag of both filters is within it.
        let types = OperationTypeFilter::PARTITION_DATA_LOSS
            | OperationTypeFilter::PARTITION_QUORUM_LOSS
            | OperationTypeFilter::PARTITION_RESTART
            | OperationTypeFilter::NODE_TRANSITION;
        let operations = client
            .get_fault_operation_list(types, OperationStateFilter::ALL, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Faults/?api-version=6.0&TypeFilter=15&StateFilter=65535 HTTP/1.1"]
        );
        assert_eq!(operations.len(), 7);
        assert_eq!(operations[0].operation_id, Some(OperationId::from_u128(0x10)));
        assert_eq!(operations[3].state, Some(OperationState::Faulted));
        assert_eq!(operations[3].operation_type, Some(OperationType::NodeTransition));
        assert_round_trip(&operations, file.body());
    })
    .await;
}

#[tokio::test]
async fn cancel_operation() {
    bounded(async {
        let file = example!("CancelOperation.json");
        let (client, seen) = serve_empty(200).await;
        client
            .cancel_operation(operation_id(&file), file.param("Force").as_bool().unwrap(), None)
            .await
            .unwrap();
        client.cancel_operation(operation_id(&file), false, None).await.unwrap();
        assert_eq!(
            lines(&seen),
            [
                "POST /Faults/$/Cancel?api-version=6.0&OperationId=bb2c94a7-5948-4df6-ab01-0697f3309131&Force=true HTTP/1.1",
                "POST /Faults/$/Cancel?api-version=6.0&OperationId=bb2c94a7-5948-4df6-ab01-0697f3309131&Force=false HTTP/1.1",
            ]
        );
    })
    .await;
}

/// The starts have no example: their request lines, their 202, and the code a start with
/// an id already used answers.
#[tokio::test]
async fn starts_send_their_modes_and_durations() {
    bounded(async {
        let (client, seen) = serve_empty(202).await;
        let id = OperationId::from_u128(0x7216486c_1ee9_4b00_99b2_92b26fcb07f5);
        let (service, partition) = ("myapp~myservice", "1daae3f5-7fd6-42e9-b1ba-8c05f873994d");
        let started: [Accepted; 4] = [
            client
                .start_data_loss(service, partition, id, DataLossMode::PartialDataLoss, None)
                .await
                .unwrap(),
            client
                .start_quorum_loss(
                    service,
                    partition,
                    id,
                    QuorumLossMode::QuorumReplicas,
                    FaultDuration::try_from(Duration::from_millis(60_900)).unwrap(),
                    None,
                )
                .await
                .unwrap(),
            client
                .start_partition_restart(service, partition, id, RestartPartitionMode::OnlyActiveSecondaries, None)
                .await
                .unwrap(),
            client
                .start_node_transition(
                    "N0060",
                    id,
                    NodeTransitionType::Stop,
                    "131366982707950527",
                    FaultDuration::seconds::<300>(),
                    None,
                )
                .await
                .unwrap(),
        ];
        assert_eq!(started.len(), 4);
        let base = "/Faults/Services/myapp~myservice/$/GetPartitions/1daae3f5-7fd6-42e9-b1ba-8c05f873994d/$";
        let id = "OperationId=7216486c-1ee9-4b00-99b2-92b26fcb07f5";
        assert_eq!(
            lines(&seen),
            [
                format!("POST {base}/StartDataLoss?api-version=6.0&{id}&DataLossMode=PartialDataLoss HTTP/1.1"),
                format!("POST {base}/StartQuorumLoss?api-version=6.0&{id}&QuorumLossMode=QuorumReplicas&QuorumLossDuration=60 HTTP/1.1"),
                format!("POST {base}/StartRestart?api-version=6.0&{id}&RestartPartitionMode=OnlyActiveSecondaries HTTP/1.1"),
                format!("POST /Faults/Nodes/N0060/$/StartTransition/?api-version=6.0&{id}&NodeTransitionType=Stop&NodeInstanceId=131366982707950527&StopDurationInSeconds=300 HTTP/1.1"),
            ]
        );
        assert!(seen.lock().unwrap().iter().all(|(_, body)| body.is_empty()));
    })
    .await;
}

#[tokio::test]
async fn a_start_answers_202_only_and_keeps_the_gateways_code() {
    bounded(async {
        let (client, _) = serve_empty(200).await;
        let error = client
            .start_data_loss("s", "p", OperationId::new(), DataLossMode::FullDataLoss, None)
            .await
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Status);
        assert_eq!(error.status(), Some(StatusCode::OK));

        fn exists(_: &str) -> (u16, String) {
            let body = r#"{"Error":{"Code":"FABRIC_E_TEST_COMMAND_OPERATION_ID_ALREADY_EXISTS","Message":"Null"}}"#;
            (409, body.to_owned())
        }
        let (client, seen) = serve(exists).await;
        let error = client
            .start_partition_restart(
                "s",
                "p",
                OperationId::new(),
                RestartPartitionMode::AllReplicasOrInstances,
                None,
            )
            .await
            .unwrap_err();
        assert_eq!(error.status(), Some(StatusCode::CONFLICT));
        assert_eq!(
            error.code().map(FabricErrorCode::as_str),
            Some("FABRIC_E_TEST_COMMAND_OPERATION_ID_ALREADY_EXISTS")
        );
        // A start is not re-sent: the first answer is the result.
        assert_eq!(seen.lock().unwrap().len(), 1);
    })
    .await;
}
