package org.lararena.web.pages;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.TreeSet;
import org.lararena.ingest.web.DocumentsEndpoint;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.web.Html;
import org.lararena.web.Layout;

/**
 * Ladda upp (researchers): drop or choose many files, say what they are, and follow each to indexed, duplicate or a
 * readable failure. The page's script sends the files to {@code POST /api/documents} and follows
 * {@code /api/ingest/events}; without scripts the page says so.
 */
public final class UploadPage {

    public void addRoutes(Router router) {
        router.get("/ladda-upp").handler(this::page);
    }

    private void page(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        if (caller == Caller.ANONYMOUS) {
            ctx.redirect("/login?next=/ladda-upp");
            return;
        }
        if (!caller.isResearcher()) {
            throw LararenaException.forbidden("uploading is for researchers");
        }
        StringBuilder types = new StringBuilder("<option value=\"\">Avgör automatiskt</option>");
        for (String type : new TreeSet<>(DocumentsEndpoint.DOCUMENT_TYPES)) {
            types.append("<option value=\"").append(Html.text(type)).append("\">").append(Html.text(type)).append("</option>");
        }
        String body = """
                <h1>Ladda upp dokument</h1>
                <noscript><p class="notice">Uppladdningen behöver JavaScript för att visa förloppet per fil.</p></noscript>
                <form id="upload" class="upload" enctype="multipart/form-data">
                <div class="dropzone" id="dropzone">
                <label for="files">Välj filer eller dra dem hit</label>
                <input id="files" name="file" type="file" multiple required>
                </div>
                <fieldset><legend>Om dokumenten</legend>
                <label for="type">Dokumenttyp</label><select id="type" name="type">%s</select>
                <label for="pilot">Pilot</label><input id="pilot" name="pilot" type="text" list="pilots" autocomplete="off">
                <datalist id="pilots"><option value="Värmland"><option value="Örebro"><option value="Västernorrland"></datalist>
                <label for="date">Datum</label><input id="date" name="date" type="text" placeholder="ÅÅÅÅ-MM-DD" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?">
                <label for="visibility">Synlighet</label>
                <select id="visibility" name="visibility">
                <option value="">Standard (intervjuer: bara forskare)</option>
                <option value="restricted">Bara forskare</option><option value="pilot">Piloter</option><option value="public">Alla</option>
                </select>
                </fieldset>
                <button type="submit" id="send">Ladda upp</button>
                </form>
                <p id="upload-error" class="error" role="alert" hidden></p>
                <ol id="progress" class="progress" aria-live="polite"></ol>
                """.formatted(types);
        Layout.send(ctx, new Layout.Page("Ladda upp", "ladda-upp", body));
    }
}
