package dev.chainrule.serving;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON objects of the KServe Open Inference Protocol v2 (REST), as its specification names them. */
final class KServeTypes {

    private KServeTypes() {
    }

    @Schema(name = "KServeInferenceRequest", example = """
            {"id": "42", "inputs": [
              {"name": "sepal_length_cm", "shape": [2], "datatype": "FP32", "data": [5.1, 6.7]},
              {"name": "sepal_width_cm", "shape": [2], "datatype": "FP32", "data": [3.5, 3.0]},
              {"name": "petal_length_cm", "shape": [2], "datatype": "FP32", "data": [1.4, 5.2]},
              {"name": "petal_width_cm", "shape": [2], "datatype": "FP32", "data": [0.2, 2.3]}],
             "outputs": [{"name": "label"}]}""")
    record InferenceRequest(
            @Schema(description = "Echoed in the response") String id,
            Map<String, Object> parameters,
            @Schema(description = "One tensor per raw feature column (BYTES for categorical, FP32, FP64 or INT* for "
                    + "numeric, shape [N] or [N, 1]), or one 'input' tensor of encoded features [N, width]")
            List<RequestInput> inputs,
            @Schema(description = "The outputs to return; all when left out") List<RequestOutput> outputs) {
    }

    @Schema(name = "KServeRequestInput")
    record RequestInput(String name, List<Long> shape, String datatype, Map<String, Object> parameters,
            @Schema(description = "Row-major elements, flat or nested") Object data) {
    }

    @Schema(name = "KServeRequestOutput")
    record RequestOutput(String name, Map<String, Object> parameters) {
    }

    @Schema(name = "KServeInferenceResponse")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferenceResponse(@JsonProperty("model_name") String modelName,
            @JsonProperty("model_version") String modelVersion, String id, List<Tensor> outputs) {
    }

    @Schema(name = "KServeTensor")
    record Tensor(String name, List<Long> shape, String datatype, List<?> data) {
    }

    @Schema(name = "KServeModelMetadata")
    record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
            List<TensorMetadata> outputs,
            @Schema(description = "Chainrule's own: job_id, task, encoded_input and encoded_width")
            Map<String, Object> parameters) {
    }

    @Schema(name = "KServeTensorMetadata")
    record TensorMetadata(String name, String datatype, List<Long> shape) {
    }

    @Schema(name = "KServeModelReady")
    record ModelReady(String name, boolean ready) {
    }

    @Schema(name = "KServeServerLive")
    record ServerLive(boolean live) {
    }

    @Schema(name = "KServeServerReady")
    record ServerReady(boolean ready) {
    }

    @Schema(name = "KServeServerMetadata")
    record ServerMetadata(String name, String version, List<String> extensions) {
    }

    @Schema(name = "KServeError")
    record ErrorMessage(String error) {
    }
}
