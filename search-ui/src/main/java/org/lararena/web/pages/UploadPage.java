package org.lararena.web.pages;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.lararena.ontology.DocumentType;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.Pilot;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.web.Html;
import org.lararena.web.Labels;
import org.lararena.web.Layout;
import org.lararena.web.Messages;

/**
 * Ladda upp (researchers): drop or choose many files, say what they are, and follow each to indexed, duplicate or a
 * readable failure. The page's script sends the files to {@code POST /api/documents} and follows
 * {@code /api/ingest/events}; without scripts the page says so.
 */
public final class UploadPage {

    private final Ontology ontology;

    /** @param ontology where the document types and pilots come from */
    public UploadPage(Ontology ontology) {
        this.ontology = Objects.requireNonNull(ontology);
    }

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
        Messages m = Messages.of(ctx);
        // Each type says what "Standard" means for it (the ontology knows which types name speakers), so the
        // visibility field can say it before anything is sent.
        StringBuilder types = new StringBuilder("<option value=\"\" data-default-visibility=\"").append(Html.text(m.get("upload.visDefault", m.get("upload.visDefaultUnknown"))))
                .append("\">").append(Html.text(m.get("upload.auto"))).append("</option>");
        for (DocumentType type : ontology.documentTypes()) {
            types.append("<option value=\"").append(Html.text(type.notation())).append("\" data-default-visibility=\"")
                    .append(Html.text(m.get("upload.visDefault", m.get(type.namesSpeakers() ? "upload.visRestricted" : "upload.visPilot")))).append("\">")
                    .append(Html.text(Labels.documentType(ontology, m, type.notation()))).append("</option>");
        }
        StringBuilder pilots = new StringBuilder();
        for (Pilot pilot : ontology.pilots()) {
            pilots.append("<option value=\"").append(Html.text(pilot.labelSv())).append("\">");
        }
        String body = """
                <h1>%s</h1>
                <noscript><p class="notice">%s</p></noscript>
                <form id="upload" class="upload" enctype="multipart/form-data">
                <div class="dropzone" id="dropzone">
                <label for="files">%s</label>
                <input id="files" name="file" type="file" multiple required>
                </div>
                <fieldset><legend>%s</legend>
                <label for="type">%s</label><select id="type" name="type">%s</select>
                <label for="pilot">%s</label><input id="pilot" name="pilot" type="text" list="pilots" autocomplete="off">
                <datalist id="pilots">%s</datalist>
                <label for="date">%s</label><input id="date" name="date" type="text" placeholder="%s" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?">
                <label for="visibility">%s</label>
                <select id="visibility" name="visibility">
                <option value="" id="visibility-default">%s</option>
                <option value="restricted">%s</option><option value="pilot">%s</option><option value="public">%s</option>
                </select>
                </fieldset>
                <button type="submit" id="send">%s</button>
                </form>
                <p id="upload-error" class="error" role="alert" hidden></p>
                <ol id="progress" class="progress" aria-live="polite"></ol>
                """.formatted(Html.text(m.get("upload.title")), Html.text(m.get("upload.noscript")), Html.text(m.get("upload.choose")),
                Html.text(m.get("upload.about")), Html.text(m.get("doc.type")), types, Html.text(m.get("doc.pilot")), pilots,
                Html.text(m.get("doc.date")), Html.text(m.get("upload.datePlaceholder")), Html.text(m.get("doc.visibility")),
                Html.text(m.get("upload.visDefault", m.get("upload.visDefaultUnknown"))), Html.text(m.get("upload.visRestricted")), Html.text(m.get("upload.visPilot")),
                Html.text(m.get("upload.visPublic")), Html.text(m.get("upload.send")));
        Layout.send(ctx, new Layout.Page(m.get("upload.title"), "ladda-upp", body + DocumentPage.scriptMessages(m)));
    }
}
