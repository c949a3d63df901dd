package dev.chainrule.job;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface JobEvaluationRepository extends JpaRepository<JobEvaluation, UUID> {
}
