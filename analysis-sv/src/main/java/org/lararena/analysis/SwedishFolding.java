package org.lararena.analysis;

/**
 * The one Swedish folding of a letter, shared by the search analysis ({@link SwedishFoldingFilter}, in Elasticsearch)
 * and the application (the theme annotator, concept type-ahead and suggestions, through
 * {@code org.lararena.ontology.text.SwedishText}), so that what the annotator and the suggestions fold a word to is
 * what the index holds. Plain Java without Lucene: the application has no Lucene on its class path.
 *
 * <p>One character in, one character out, so that offsets into the text survive; case is kept ({@code Å → A}).
 * Å, Ä and Æ fold to A, Ö and Ø to O: æ and ø are ä's and ö's Danish–Norwegian twins, which OCR and keyboards
 * confuse with them ({@code ærlig} is {@code ärlig} misread), so they fold as the Swedish letters do. Every other
 * accented Latin letter of Latin-1 folds to its base letter, as Lucene's ASCII folding does. Characters without a
 * one-letter fold (ß, œ, ligatures, other scripts) are returned unchanged; the analysis filter folds those with
 * Lucene's table, where one character may become two.
 */
public final class SwedishFolding {

    private SwedishFolding() {
    }

    /** {@code c} without its diacritics, in the same case; {@code c} itself when it has no one-letter fold. */
    public static char fold(char c) {
        if (c < '\u00C0' || c > '\u00FF') {
            return c;
        }
        return switch (c) {
            case 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'Æ' -> 'A';
            case 'à', 'á', 'â', 'ã', 'ä', 'å', 'æ' -> 'a';
            case 'Ç' -> 'C';
            case 'ç' -> 'c';
            case 'Ð' -> 'D';
            case 'ð' -> 'd';
            case 'È', 'É', 'Ê', 'Ë' -> 'E';
            case 'è', 'é', 'ê', 'ë' -> 'e';
            case 'Ì', 'Í', 'Î', 'Ï' -> 'I';
            case 'ì', 'í', 'î', 'ï' -> 'i';
            case 'Ñ' -> 'N';
            case 'ñ' -> 'n';
            case 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'Ø' -> 'O';
            case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø' -> 'o';
            case 'Ù', 'Ú', 'Û', 'Ü' -> 'U';
            case 'ù', 'ú', 'û', 'ü' -> 'u';
            case 'Ý' -> 'Y';
            case 'ý', 'ÿ' -> 'y';
            default -> c; // × ÷ Þ þ ß: no one-letter fold
        };
    }
}
