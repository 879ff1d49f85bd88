/**
 * Team coding: one layer per coder, blind mode and coding status per document, the review log, and agreement
 * between coders ({@code /api/agreement}). The rules (what each coder sees, what search sees) are in
 * docs/team-coding.md; the statistics are {@link org.lararena.ontology.agreement.AgreementStudy}'s.
 *
 * <p>Researchers only: usernames and decisions are never shown to anyone else.
 */
package org.lararena.teamcoding;
