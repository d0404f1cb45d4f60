<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%-- booking page for the clinic --%>
<h1>Book your first visit</h1>
<p>Hello ${patient.firstName}, our clinic opens at 8am and most visits take twenty minutes.</p>
<c:if test="${showPrice}"><p>A first visit costs $45.</p></c:if>
<a class="btn" href="${bookingUrl}">Book a visit</a>
