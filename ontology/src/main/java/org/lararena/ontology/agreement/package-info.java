/**
 * Inter-coder agreement over the passages of documents: {@link org.lararena.ontology.agreement.AgreementStudy}
 * turns coders' codings into reliability data and lets DKPro Agreement compute Krippendorff's alpha (nominal),
 * percentage agreement, Cohen's kappa for each pair of coders and unitizing alpha over the spans. The plain values it
 * answers with are {@link org.lararena.ontology.agreement.AgreementReport} and its parts.
 *
 * <p>Pure computation: no store, no HTTP, no Vert.x. Who counts as a coder, which documents they have finished and
 * which concepts count for a category are decided by the caller (see docs/team-coding.md).
 */
package org.lararena.ontology.agreement;
