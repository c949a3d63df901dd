package dev.chainrule.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.support.ApiClient;
import dev.chainrule.web.WebSlice;

/**
 * The dataset endpoints at the controller, uploads and catalog mocked: how query parameters become
 * upload options, the 201 with its Location, paging and window faults, and the catalog's refusals as
 * problems. Parsing and storing files is the dataset tests' part ({@code DatasetUploadTest},
 * {@code DatasetBadInputTest}).
 */
@WebMvcTest(DatasetController.class)
@WebSlice
class DatasetRequestTest {

    private static final UUID ID = UUID.randomUUID();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DatasetUploads uploads;
    @MockitoBean
    DatasetCatalog catalog;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
        when(catalog.maxRowsLimit()).thenReturn(1000);
    }

    @Test
    void aCsvBodyIsUploadedWithItsOptionsAndAnswered201WithLocation() {
        when(uploads.fromBody(any(), any(InputStream.class), anyLong(), any())).thenReturn(ID);
        when(catalog.get(any(), eq(ID))).thenReturn(new DatasetResponse(ID, "xy", 2, "regression", "a", List.of("a", "b"),
                List.of(), List.of(), 12, OffsetDateTime.parse("2026-12-03T12:00:00Z")));
        var reply = http.postCsv(ApiClient.withQuery("/api/v1/datasets",
                Map.of("name", "xy", "target", "a,b", "task", "regression")), "x,a,b\n1,2,3\n4,5,6\n").expect(201)
                .expectJson("$.targets[1]", "b");
        assertThat(reply.location()).endsWith("/api/v1/datasets/" + ID);
        ArgumentCaptor<UploadOptions> options = ArgumentCaptor.forClass(UploadOptions.class);
        verify(uploads).fromBody(any(), any(InputStream.class), anyLong(), options.capture());
        assertThat(options.getValue()).isEqualTo(new UploadOptions("xy", List.of("a", "b"), "regression", null));
    }

    @Test
    void anotherContentTypeIs415() {
        http.request(HttpMethod.POST, "/api/v1/datasets").body("application/xml", "<csv/>").send().expectProblem(415);
        verifyNoInteractions(uploads);
    }

    @Test
    void pagingAndWindowFaultsAre400NamingTheParameter() {
        http.get("/api/v1/datasets?size=0").expectProblem(400).expectJson("$.errors[0].field", "size");
        http.get("/api/v1/datasets?page=-1").expectProblem(400).expectJson("$.errors[0].field", "page");
        http.get("/api/v1/datasets/" + ID + "/rows?limit=1001").expectProblem(400)
                .expectJson("$.errors[0].field", "limit");
        http.get("/api/v1/datasets/" + ID + "/rows?offset=-1").expectProblem(400)
                .expectJson("$.errors[0].field", "offset");
        http.get("/api/v1/datasets/" + ID + "/rows?offset=x").expectProblem(400);
        verify(catalog, org.mockito.Mockito.never()).rows(any(), any(), anyInt(), anyInt());
    }

    @Test
    void theCatalogsRefusalsAreProblems() {
        when(catalog.get(any(), eq(ID))).thenThrow(new NotFoundException("Dataset", ID));
        http.get("/api/v1/datasets/" + ID).expectProblem(404);
        doThrow(new ConflictException("dataset-in-use", "Dataset in use", "A running job uses dataset " + ID + "."))
                .when(catalog).delete(any(), eq(ID));
        http.delete("/api/v1/datasets/" + ID).expectProblem(409);
        http.delete("/api/v1/datasets/not-a-uuid").expectProblem(400);
    }

    @Test
    void aDeleteIs204() {
        UUID other = UUID.randomUUID();
        http.delete("/api/v1/datasets/" + other).expect(204);
        verify(catalog).delete(any(), eq(other));
    }
}
