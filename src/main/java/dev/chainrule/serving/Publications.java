package dev.chainrule.serving;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.job.JobStatus;
import dev.chainrule.job.TrainedJobs;

/** Publishing jobs under names, and finding which job answers for a name and version. */
@Service
class Publications {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** Two publishes of one name at the same moment compete for the same version; the loser tries again. */
    private static final int ATTEMPTS = 5;

    private final PublicationRepository publications;
    private final TrainedJobs jobs;
    private final TransactionTemplate transaction;

    Publications(PublicationRepository publications, TrainedJobs jobs, TransactionTemplate transaction) {
        this.publications = publications;
        this.jobs = jobs;
        this.transaction = transaction;
    }

    /** Publishes a succeeded job as the next version of {@code name}. */
    PublicationView publish(UUID tenant, UUID jobId, PublishRequest request) {
        String name = request == null ? null : request.name();
        if (name == null || !NAME.matcher(name).matches()) {
            String message = "'name' must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or "
                    + "digit (it becomes part of the URL /v2/models/{name}), got " + (name == null ? "none" : "'" + name + "'")
                    + ".";
            throw new InvalidInputException("invalid-publication", "Invalid publication", message,
                    List.of(Fault.atPointer("/name", message)));
        }
        jobs.requireOwned(tenant, jobId);
        JobStatus status = jobs.status(jobId);
        if (status != JobStatus.SUCCEEDED) {
            throw new ConflictException("job-not-succeeded", "Job has not succeeded",
                    "Job " + jobId + " is " + status.jsonName() + "; only a succeeded job can be published.");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(tx -> PublicationView.of(publications.saveAndFlush(new Publication(name,
                        publications.findLatestVersion(tenant, name) + 1, jobId,
                        Instant.now().truncatedTo(ChronoUnit.MICROS)).ownedBy(tenant))));
            } catch (DataIntegrityViolationException e) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("publish-contended", "Publish contended", "Name '" + name
                            + "' was published by other requests at the same time; try again.");
                }
            }
        }
    }

    /** The newest version of the tenant's {@code name}, or the given one; names are each tenant's own. */
    Optional<Publication> find(UUID tenant, String name, Integer version) {
        return version == null ? publications.findFirstByTenantIdAndNameOrderByVersionDesc(tenant, name)
                : publications.findByTenantIdAndNameAndVersion(tenant, name, version);
    }

    List<Integer> versions(UUID tenant, String name) {
        return publications.findVersions(tenant, name);
    }

    /** Reads the publications once: throws when the database does not answer. */
    void checkStore() {
        publications.count();
    }
}
